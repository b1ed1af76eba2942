import {
  Badge,
  Link,
  Searchbar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { ExtractionBadge } from '../components/ExtractionBadge';
import { StateBadge } from '../components/StateBadge';
import { describeError, type LibraryDocument, type Paginated } from '../utils/api';
import { CLASSIFICATION_LABELS } from '../utils/document-labels';
import { getTranslation } from '../utils/getTranslation';

/** The official reports stories cite: what each is, its file and digest, how far it was read. */
export const SourceLibraryPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [q, setQ] = useState('');
  const [documents, setDocuments] = useState<LibraryDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  useEffect(() => {
    const controller = new AbortController();
    get<Paginated<LibraryDocument>>('/intelligence-stories/source-documents', {
      params: { ...(q ? { q } : {}), pagination: { pageSize: 50 } },
      signal: controller.signal,
    })
      .then(({ data }) => {
        setDocuments(data.data);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) {
          setError(describeError(caught).message);
        }
      });
    return () => controller.abort();
  }, [get, q]);

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
          <Searchbar
            name="q"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onClear={() => setQ('')}
            clearLabel={label('desk.search.clear', 'Clear')}
            placeholder={label('library.search', 'Search title, issuer or number')}
          >
            {label('library.search', 'Search title, issuer or number')}
          </Searchbar>
        }
      />
      <Layouts.Content>
        {documents === null ? (
          <Page.Loading />
        ) : documents.length === 0 ? (
          <Typography textColor="neutral600">
            {label('library.empty', 'No source document matches.')}
          </Typography>
        ) : (
          <Table colCount={columns.length} rowCount={documents.length + 1}>
            <Thead>
              <Tr>
                {columns.map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{column}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {documents.map((document) => (
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
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
