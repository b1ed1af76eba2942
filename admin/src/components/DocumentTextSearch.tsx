import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate, Search } from '@strapi/icons';
import { useClipboard, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';

import type { SearchDocumentText } from '../../../shared/contracts/library';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { describeError } from '../utils/api';
import { citationOf, type CitedDocument, type SearchHit } from '../utils/citation';
import { MarkedSnippet } from './MarkedSnippet';

/**
 * Search within the text the server read from a document's PDF, its matches highlighted, and copy
 * a hit as a citation block (the passage, the document and the page) to paste into a story.
 */
export const DocumentTextSearch = ({
  documentId,
  document,
}: {
  documentId: string;
  /** Named in the copied citation. */
  document?: CitedDocument;
}) => {
  const { get } = useFetchClient();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const label = usePluginLabel();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { data } = await get<SearchDocumentText.Response>(
        `/intelligence-stories/source-documents/${documentId}/text/search`,
        { params: { q } }
      );
      setHits(data.data);
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught).message);
    }
  };

  const cite = async (hit: SearchHit) => {
    if (await copy(citationOf(hit, document))) {
      toggleNotification({
        type: 'success',
        message: label(
          'library.search.copied',
          'Citation copied: the passage from page {page}, with the document and page. Paste it into the story, and add this document and page {page} to its Document citations.',
          { page: hit.page }
        ),
      });
    } else {
      toggleNotification({
        type: 'warning',
        message: label(
          'library.search.copyFailed',
          'The browser did not let the panel copy. Select the passage and copy it by hand.'
        ),
      });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {label('library.search.title', 'Search the text')}
      </Typography>
      <form onSubmit={search}>
        <Flex gap={2} alignItems="flex-end">
          <Box flex="1">
            <Field.Root name="q" error={error}>
              <Field.Label>{label('library.search.words', 'Words to find')}</Field.Label>
              <TextInput value={q} onChange={(event) => setQ(event.target.value)} />
              <Field.Error />
            </Field.Root>
          </Box>
          <Button type="submit" startIcon={<Search />} disabled={q.trim().length === 0}>
            {label('library.search.submit', 'Search')}
          </Button>
        </Flex>
      </form>
      {hits === null ? null : hits.length === 0 ? (
        <Typography textColor="neutral600">
          {label('library.search.none', 'Not found in the text.')}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2}>
          {hits.map((hit) => (
            <Flex
              tag="li"
              key={hit.page}
              justifyContent="space-between"
              gap={4}
              padding={3}
              hasRadius
              background="neutral100"
            >
              <Box>
                <Typography variant="sigma">
                  {label('library.search.page', 'Page {page}', { page: hit.page })}
                </Typography>
                <MarkedSnippet snippet={hit.snippet} />
              </Box>
              <Button
                variant="tertiary"
                startIcon={<Duplicate />}
                onClick={() => cite(hit)}
                aria-label={label('library.search.citePage', 'Copy citation from page {page}', {
                  page: hit.page,
                })}
              >
                {label('library.search.cite', 'Copy citation')}
              </Button>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
