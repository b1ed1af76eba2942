import {
  Badge,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { DESK_STATES, type GetDeskOverrides } from '../../../shared/contracts/desk';
import { AwaitingBadge } from '../components/AwaitingReason';
import { ColumnHeads } from '../components/ColumnHeads';
import { ListPagination, usePageParams } from '../components/ListPagination';
import { ListEmptyState } from '../components/ListEmptyState';
import { ListSearch } from '../components/ListSearch';
import { StateBadge } from '../components/StateBadge';
import { StoryLink } from '../components/StoryLink';
import { useLocales } from '../hooks/useLocales';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import type { DeskState, DeskStory } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

/** Stories on the desk: state, readiness, quotes awaiting a decision and corrections. */
export const DeskPage = () => {
  const { formatMessage, formatDate } = useIntl();
  // Search, state and page live in the URL, as in Strapi's own lists.
  const [{ query }, setQuery] = useQueryParams<{
    q?: string;
    state?: DeskState | '';
    locale?: string;
    page?: string;
    pageSize?: string;
  }>();
  const q = query.q ?? '';
  const state = query.state ?? '';
  // One language version of the stories at a time (the app's default unless chosen).
  const locales = useLocales();
  const locale = query.locale ?? '';
  const { page, pageSize } = usePageParams();
  const { result, error } = usePaginatedList<DeskStory>('/intelligence-stories/desk/stories', {
    ...(q ? { q } : {}),
    ...(state ? { state } : {}),
    ...(locale ? { locale } : {}),
    pagination: { page, pageSize },
  });
  const label = usePluginLabel();
  const { get } = useFetchClient();
  const [overrides, setOverrides] = useState<GetDeskOverrides.Response | null>(null);
  useEffect(() => {
    get<GetDeskOverrides.Response>('/intelligence-stories/desk/overrides').then(({ data }) =>
      setOverrides(data)
    );
  }, [get]);

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
            <ListSearch label={label('desk.search', 'Search titles')} />
            <SingleSelect
              aria-label={label('desk.state', 'State')}
              placeholder={label('desk.state.all', 'All states')}
              value={state}
              onChange={(value) => setQuery({ state: value as DeskState, page: '1' })}
              onClear={() => setQuery({ state: '', page: '1' })}
            >
              {DESK_STATES.map((option) => (
                <SingleSelectOption key={option} value={option}>
                  {label(`state.${option}`, option)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            {locales.length > 1 ? (
              <SingleSelect
                aria-label={label('desk.locale', 'Language')}
                placeholder={
                  locales.find(({ isDefault }) => isDefault)?.name ??
                  label('desk.locale', 'Language')
                }
                value={locale}
                onChange={(value) => setQuery({ locale: String(value), page: '1' })}
                onClear={() => setQuery({ locale: '', page: '1' })}
              >
                {locales.map(({ code, name }) => (
                  <SingleSelectOption key={code} value={code}>
                    {name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        {result === null ? (
          <Page.Loading />
        ) : (
          <>
            {result.data.length === 0 ? (
              q || state ? (
                <ListEmptyState
                  message={label(
                    'desk.empty.filtered',
                    'No story matches this search and state. Change them, or clear them.'
                  )}
                  action={{
                    label: label('filters.clearAll', 'Clear filters'),
                    onClick: () => setQuery({ q: '', state: '', page: '1' }),
                  }}
                />
              ) : (
                <ListEmptyState
                  message={label(
                    'desk.empty',
                    'No story yet. Create one in the Content Manager: it appears here with its readiness.'
                  )}
                />
              )
            ) : (
              <Table colCount={6} rowCount={result.data.length + 1}>
                <ColumnHeads
                  labels={[
                    label('desk.title', 'Title'),
                    label('desk.state', 'State'),
                    label('desk.readiness', 'Readiness'),
                    label('desk.approvals', 'Awaiting approval'),
                    label('desk.corrections', 'Corrections'),
                    label('desk.updated', 'Updated'),
                  ]}
                />
                <Tbody>
                  {result.data.map((story) => (
                    <Tr key={story.documentId}>
                      <Td>
                        <StoryLink
                          documentId={story.documentId}
                          locale={story.locale}
                          title={story.title}
                          canOpen={story.canOpen}
                        />
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
                        {story.overrides.map(({ rule, reason, overriddenBy }) => (
                          <Badge
                            key={rule}
                            marginLeft={1}
                            title={`${overriddenBy ?? ''}: ${reason}`}
                            backgroundColor="secondary100"
                            textColor="secondary700"
                          >
                            {formatMessage(
                              {
                                id: getTranslation('checklist.overriddenBy'),
                                defaultMessage: '{rule}, overridden by {name}',
                              },
                              { rule, name: overriddenBy ?? '—' }
                            )}
                          </Badge>
                        ))}
                        {story.readiness.warnings > 0 ? (
                          <Badge backgroundColor="warning100" textColor="warning700" marginLeft={1}>
                            {formatMessage(
                              {
                                id: getTranslation('desk.warnings'),
                                defaultMessage:
                                  '{count, plural, one {# warning} other {# warnings}}',
                              },
                              { count: story.readiness.warnings }
                            )}
                          </Badge>
                        ) : null}
                      </Td>
                      <Td>
                        <Flex gap={1}>
                          <Typography>{story.pendingApprovals}</Typography>
                          {/* A plain "pending" needs no word; any other reason is news to the desk. */}
                          {[...new Set(story.awaitingDecision.map(({ reason }) => reason))]
                            .filter((reason) => reason !== 'pending')
                            .map((reason) => (
                              <AwaitingBadge key={reason} reason={reason} />
                            ))}
                        </Flex>
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
                            ? formatDate(story.updatedAt, {
                                dateStyle: 'medium',
                                timeStyle: 'short',
                              })
                            : ''}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            <ListPagination meta={result.meta} />
            {overrides ? (
              <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={6}>
                <Typography variant="sigma" tag="h2">
                  {label('desk.overrides.title', 'Overrides in the last {days} days', {
                    days: overrides.meta.days,
                  })}
                </Typography>
                {Object.keys(overrides.data).length === 0 ? (
                  <Typography textColor="neutral600">
                    {label(
                      'desk.overrides.none',
                      'No rule was overridden in the last {days} days.',
                      { days: overrides.meta.days }
                    )}
                  </Typography>
                ) : (
                  Object.entries(overrides.data).map(([rule, count]) => (
                    <Typography key={rule}>
                      {formatMessage(
                        {
                          id: getTranslation('desk.overrides.count'),
                          defaultMessage:
                            '{rule}: {count, plural, one {# override} other {# overrides}}',
                        },
                        { rule, count }
                      )}
                    </Typography>
                  ))
                )}
              </Flex>
            ) : null}
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
