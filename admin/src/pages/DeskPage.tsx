import {
  Badge,
  Flex,
  Link,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, Pagination, useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { StateBadge } from '../components/StateBadge';
import {
  describeError,
  storyEditPath,
  type DeskState,
  type DeskStory,
  type Paginated,
} from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

/** Stories on the desk: state, readiness, quotes awaiting a decision and corrections. */
export const DeskPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  // Search, state and page live in the URL, as in Strapi's own lists.
  const [{ query }, setQuery] = useQueryParams<{
    q?: string;
    state?: DeskState | '';
    page?: string;
    pageSize?: string;
  }>();
  const q = query.q ?? '';
  const state = query.state ?? '';
  const page = query.page ?? '1';
  const pageSize = query.pageSize ?? '25';
  const [result, setResult] = useState<Paginated<DeskStory> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  useEffect(() => {
    const controller = new AbortController();
    get<Paginated<DeskStory>>('/intelligence-stories/desk/stories', {
      params: { ...(q ? { q } : {}), ...(state ? { state } : {}), pagination: { page, pageSize } },
      signal: controller.signal,
    })
      .then(({ data }) => {
        setResult(data);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) {
          setError(describeError(caught).message);
        }
      });
    return () => controller.abort();
  }, [get, q, state, page, pageSize]);

  if (error) {
    return <Page.Error />;
  }

  return (
    <Page.Main>
      <Page.Title>{label('nav.desk', 'Desk')}</Page.Title>
      <Layouts.Header
        title={label('nav.desk', 'Desk')}
        subtitle={label('desk.subtitle', 'Stories, their sourcing and their corrections')}
      />
      <Layouts.Action
        startActions={
          <Flex gap={2}>
            <Searchbar
              name="q"
              value={q}
              onChange={(event) => setQuery({ q: event.target.value, page: '1' }, 'push', true)}
              onClear={() => setQuery({ q: '', page: '1' })}
              clearLabel={label('desk.search.clear', 'Clear')}
              placeholder={label('desk.search', 'Search titles')}
            >
              {label('desk.search', 'Search titles')}
            </Searchbar>
            <SingleSelect
              aria-label={label('desk.state', 'State')}
              placeholder={label('desk.state.all', 'All states')}
              value={state}
              onChange={(value) => setQuery({ state: value as DeskState, page: '1' })}
              onClear={() => setQuery({ state: '', page: '1' })}
            >
              {(['draft', 'published', 'modified'] as const).map((option) => (
                <SingleSelectOption key={option} value={option}>
                  {label(`state.${option}`, option)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Flex>
        }
      />
      <Layouts.Content>
        {result === null ? (
          <Page.Loading />
        ) : (
          <>
            <Table colCount={6} rowCount={result.data.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{label('desk.title', 'Title')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{label('desk.state', 'State')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{label('desk.readiness', 'Readiness')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {label('desk.approvals', 'Awaiting approval')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {label('desk.corrections', 'Corrections')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{label('desk.updated', 'Updated')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.data.map((story) => (
                  <Tr key={story.documentId}>
                    <Td>
                      <Link tag={NavLink} to={storyEditPath(story.documentId)}>
                        {story.title}
                      </Link>
                    </Td>
                    <Td>
                      <StateBadge state={story.state} />
                    </Td>
                    <Td>
                      {story.readiness.ready ? (
                        <Badge backgroundColor="success100" textColor="success700">
                          {label('desk.ready', 'Ready')}
                        </Badge>
                      ) : (
                        <Badge backgroundColor="danger100" textColor="danger700">
                          {formatMessage(
                            {
                              id: getTranslation('desk.errors'),
                              defaultMessage: '{count, plural, one {# error} other {# errors}}',
                            },
                            { count: story.readiness.errors }
                          )}
                        </Badge>
                      )}
                      {story.readiness.warnings > 0 ? (
                        <Badge backgroundColor="warning100" textColor="warning700" marginLeft={1}>
                          {formatMessage(
                            {
                              id: getTranslation('desk.warnings'),
                              defaultMessage: '{count, plural, one {# warning} other {# warnings}}',
                            },
                            { count: story.readiness.warnings }
                          )}
                        </Badge>
                      ) : null}
                    </Td>
                    <Td>
                      <Typography>{story.pendingApprovals}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {story.corrections}
                        {story.lastCorrectionAt
                          ? ` · ${formatDate(story.lastCorrectionAt, { dateStyle: 'medium' })}`
                          : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral600">
                        {story.updatedAt
                          ? formatDate(story.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })
                          : ''}
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Pagination.Root
              pageCount={result.meta.pagination.pageCount}
              total={result.meta.pagination.total}
            >
              <Pagination.PageSize />
              <Pagination.Links />
            </Pagination.Root>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
