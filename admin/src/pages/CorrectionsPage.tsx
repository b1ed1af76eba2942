import { Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { ColumnHeads } from '../components/ColumnHeads';
import { KindLabel } from '../components/KindLabel';
import { ListPagination } from '../components/ListPagination';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { storyEditPath, type DeskCorrection } from '../utils/api';

/** Every correction issued, newest first: the desk's view of the public record. */
export const CorrectionsPage = () => {
  const { formatDate } = useIntl();
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const label = usePluginLabel();
  const page = query.page ?? '1';
  const pageSize = query.pageSize ?? '25';

  const { result, error } = usePaginatedList<DeskCorrection>(
    '/intelligence-stories/desk/corrections',
    { pagination: { page, pageSize } }
  );

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
              <ColumnHeads
                labels={[
                  label('corrections.issuedAt', 'Issued'),
                  label('corrections.kind', 'Kind'),
                  label('corrections.story', 'Story'),
                  label('corrections.text', 'Text readers will see'),
                  label('corrections.issuedBy', 'Issued by'),
                ]}
              />
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
            <ListPagination meta={result.meta} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
