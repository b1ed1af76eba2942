import { Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { KindLabel } from '../components/KindLabel';
import { describeError, storyEditPath, type DeskCorrection, type Paginated } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

/** Every correction issued, newest first: the desk's view of the public record. */
export const CorrectionsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const [result, setResult] = useState<Paginated<DeskCorrection> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const page = query.page ?? '1';
  const pageSize = query.pageSize ?? '25';

  useEffect(() => {
    get<Paginated<DeskCorrection>>('/intelligence-stories/desk/corrections', {
      params: { pagination: { page, pageSize } },
    })
      .then(({ data }) => setResult(data))
      .catch((caught) => setError(describeError(caught).message));
  }, [get, page, pageSize]);

  if (error) {
    return <Page.Error />;
  }

  return (
    <Page.Main>
      <Page.Title>{label('nav.corrections', 'Corrections')}</Page.Title>
      <Layouts.Header
        title={label('nav.corrections', 'Corrections')}
        subtitle={label(
          'corrections.subtitle',
          'Every correction issued, newest first. Corrections are permanent: a wrong one is superseded, never edited.'
        )}
      />
      <Layouts.Content>
        {result === null ? (
          <Page.Loading />
        ) : (
          <>
            <Table colCount={5} rowCount={result.data.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">
                      {label('corrections.issuedAt', 'Issued')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{label('corrections.kind', 'Kind')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{label('corrections.story', 'Story')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {label('corrections.text', 'Text readers will see')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {label('corrections.issuedBy', 'Issued by')}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.data.map((correction) => (
                  <Tr key={correction.documentId}>
                    <Td>
                      <Typography>
                        {formatDate(correction.issuedAt, {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })}
                      </Typography>
                    </Td>
                    <Td>
                      <KindLabel kind={correction.kind} />
                    </Td>
                    <Td>
                      <Link tag={NavLink} to={storyEditPath(correction.storyDocumentId)}>
                        {correction.storyTitle ?? correction.storyDocumentId}
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{correction.text}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral600">{correction.issuedBy ?? '—'}</Typography>
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
