import { Box, Flex, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { ColumnHeads } from '../components/ColumnHeads';
import { KindLabel } from '../components/KindLabel';
import { ListPagination, usePageParams } from '../components/ListPagination';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { storyEditPath, type DeskCorrection } from '../utils/api';

/** Every correction issued, newest first: the desk's view of the public record. */
export const CorrectionsPage = () => {
  const { formatDate } = useIntl();
  const label = usePluginLabel();
  const { page, pageSize } = usePageParams();

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
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <KindLabel kind={correction.kind} />
                        {correction.held ? (
                          <Typography variant="pi" textColor="warning600">
                            {label(
                              'corrections.held',
                              'Held: goes public with the next publish of the story'
                            )}
                          </Typography>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Link tag={NavLink} to={storyEditPath(correction.storyDocumentId)}>
                        {correction.storyTitle ?? correction.storyDocumentId}
                      </Link>
                    </Td>
                    <Td>
                      {/* Wrapped: a correction's text runs to 4,000 characters, and a table
                          cell keeps its text on one line, which made the table 3,000 px wide. */}
                      <Box maxWidth="48rem" style={{ whiteSpace: 'normal' }}>
                        <Typography>{correction.text}</Typography>
                      </Box>
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
