import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ColumnHeads } from '../components/ColumnHeads';
import { CorrectionFilterBar } from '../components/CorrectionFilterBar';
import { KindLabel } from '../components/KindLabel';
import { ListEmptyState } from '../components/ListEmptyState';
import { ListPagination, usePageParams } from '../components/ListPagination';
import { StoryLink } from '../components/StoryLink';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import type { DeskCorrection } from '../utils/api';
import {
  correctionsRequestQuery,
  hasCorrectionFilters,
  readCorrectionFilters,
  type CorrectionFilterQuery,
} from '../utils/correction-filters';

const NO_FILTERS: CorrectionFilterQuery = { q: '', kind: '', from: '', to: '', page: '1' };

/** Every correction issued, newest first: the desk's view of the public record. */
export const CorrectionsPage = () => {
  const { formatDate } = useIntl();
  const label = usePluginLabel();
  // Filters and page live in the URL, as in Strapi's own lists: a link or a reload keeps them.
  const [{ query }, setQuery] = useQueryParams<CorrectionFilterQuery & { pageSize?: string }>();
  const filters = readCorrectionFilters(query);
  const { page, pageSize } = usePageParams();

  const { result, error } = usePaginatedList<DeskCorrection>(
    '/intelligence-stories/desk/corrections',
    { ...correctionsRequestQuery(filters), pagination: { page, pageSize } }
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
      <Layouts.Action
        startActions={
          <CorrectionFilterBar
            filters={filters}
            onChange={(patch, replace) => setQuery(patch, 'push', replace)}
          />
        }
      />
      <Layouts.Content>
        {result === null ? (
          <Page.Loading />
        ) : result.data.length === 0 ? (
          hasCorrectionFilters(filters) ? (
            <ListEmptyState
              message={label(
                'corrections.empty.filtered',
                'No correction matches these filters. Change the search, the kind or the dates, or clear them.'
              )}
              action={{
                label: label('filters.clearAll', 'Clear filters'),
                onClick: () => setQuery(NO_FILTERS),
              }}
            />
          ) : (
            <ListEmptyState
              message={label(
                'corrections.empty',
                'No correction has been issued yet. To issue one, open a published story and choose Issue a correction.'
              )}
            />
          )
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
                      <StoryLink
                        documentId={correction.storyDocumentId}
                        title={correction.storyTitle ?? correction.storyDocumentId}
                        canOpen={correction.canOpenStory}
                      />
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
