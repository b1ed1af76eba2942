import { Badge, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { ColumnHeads } from '../components/ColumnHeads';
import { ExtractionBadge } from '../components/ExtractionBadge';
import { ListPagination, usePageParams } from '../components/ListPagination';
import { ListEmptyState } from '../components/ListEmptyState';
import { ListSearch } from '../components/ListSearch';
import { StateBadge } from '../components/StateBadge';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import type { LibraryDocument } from '../utils/api';
import { CLASSIFICATION_LABELS } from '../utils/document-labels';

/** The official reports stories cite: what each is, its file and digest, how far it was read. */
export const SourceLibraryPage = () => {
  // Search and page live in the URL, as in Strapi's own lists: a link or a reload keeps them.
  const [{ query }, setQuery] = useQueryParams<{ q?: string; page?: string; pageSize?: string }>();
  const q = query.q ?? '';
  const { page, pageSize } = usePageParams();
  const { result, error } = usePaginatedList<LibraryDocument>(
    '/intelligence-stories/source-documents',
    { ...(q ? { q } : {}), pagination: { page, pageSize } }
  );
  const label = usePluginLabel();

  if (error) {
    return <Page.Error />;
  }

  const columns = [
    label('library.title', 'Document'),
    label('library.issuer', 'Issuer'),
    label('library.number', 'Number'),
    label('library.pages', 'Pages'),
    label('library.classification', 'Classification'),
    label('library.file', 'File and SHA-256'),
    label('library.text', 'Text'),
    label('library.state', 'State'),
  ];

  return (
    <Page.Main>
      <Page.Title>{label('nav.library', 'Source documents')}</Page.Title>
      <Layouts.Header
        title={label('nav.library', 'Source documents')}
        subtitle={label(
          'library.subtitle',
          'The official reports stories are built on, their key judgments and their text'
        )}
      />
      <Layouts.Action
        startActions={
          <ListSearch label={label('library.search', 'Search title, issuer or number')} />
        }
      />
      <Layouts.Content>
        {result === null ? (
          <Page.Loading />
        ) : result.data.length === 0 ? (
          q ? (
            <ListEmptyState
              message={label(
                'library.empty.filtered',
                'No source document matches “{q}”. Search part of a title, an issuer or a document number, or clear the search.',
                { q }
              )}
              action={{
                label: label('filters.clearSearch', 'Clear the search'),
                onClick: () => setQuery({ q: '', page: '1' }),
              }}
            />
          ) : (
            <ListEmptyState
              message={label(
                'library.empty',
                'No source document yet. Add the report in the Content Manager (Source document), with its PDF: it appears here.'
              )}
            />
          )
        ) : (
          <>
            <Table colCount={columns.length} rowCount={result.data.length + 1}>
              <ColumnHeads labels={columns} />
              <Tbody>
                {result.data.map((document) => (
                  <Tr key={document.documentId}>
                    <Td>
                      <Link tag={NavLink} to={document.documentId}>
                        {document.title}
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{document.issuer}</Typography>
                    </Td>
                    <Td>
                      <Typography>{document.documentNumber ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{document.pageCount}</Typography>
                    </Td>
                    <Td>
                      <Badge>
                        {label(
                          `classification.${document.classification}`,
                          CLASSIFICATION_LABELS[document.classification]
                        )}
                      </Badge>
                    </Td>
                    <Td>
                      {document.file ? (
                        <Typography variant="pi" title={document.sha256 ?? undefined}>
                          {document.file.name} · {document.sha256?.slice(0, 12) ?? '—'}…
                        </Typography>
                      ) : (
                        <Typography textColor="neutral500">
                          {label('library.noFile', 'No file')}
                        </Typography>
                      )}
                    </Td>
                    <Td>
                      <ExtractionBadge status={document.text.status} />
                    </Td>
                    <Td>
                      <StateBadge state={document.state} />
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
