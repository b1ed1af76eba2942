import { Box, Button, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router-dom';

import type { GetLibraryDocument, UpdateKeyJudgments } from '../../../shared/contracts/library';
import { DocumentTextSearch } from '../components/DocumentTextSearch';
import { ExtractionBadge } from '../components/ExtractionBadge';
import { KeyJudgmentsEditor } from '../components/KeyJudgmentsEditor';
import { StateBadge } from '../components/StateBadge';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import {
  describeError,
  isConflict,
  sourceDocumentEditPath,
  type LibraryDocument,
  type LibraryKeyJudgment,
} from '../utils/api';
import { CLASSIFICATION_LABELS } from '../utils/document-labels';
import { judgmentErrors } from '../utils/icd203';

const Fact = ({ name, children }: { name: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {name}
    </Typography>
    <Typography>{children}</Typography>
  </Flex>
);

/** One source document: what it is, its file and digest, its text, and its key judgments. */
export const SourceDocumentPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { formatDate } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canManage } = usePluginRBAC();
  const [document, setDocument] = useState<LibraryDocument | null>(null);
  const [judgments, setJudgments] = useState<LibraryKeyJudgment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const label = usePluginLabel();

  const load = useCallback(async () => {
    try {
      const { data } = await get<GetLibraryDocument.Response>(
        `/intelligence-stories/source-documents/${documentId}`
      );
      setDocument(data.data);
      setJudgments(data.data.keyJudgments);
      setErrors({});
    } catch {
      setFailed(true);
    }
  }, [get, documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (failed) {
    return <Page.Error />;
  }
  if (!document) {
    return <Page.Loading />;
  }

  const save = async () => {
    const problems = judgmentErrors(judgments, document.pageCount);
    if (problems.length > 0) {
      setErrors(
        Object.fromEntries(
          problems.map(({ path, rule }) => [
            path,
            rule === 'required'
              ? label('library.judgment.text.required', 'Enter the judgment as the report words it')
              : label('library.judgment.page.range', 'The document has pages 1 to {pages}', {
                  pages: document.pageCount,
                }),
          ])
        )
      );
      return;
    }
    setSaving(true);
    try {
      const { data } = await put<UpdateKeyJudgments.Response, UpdateKeyJudgments.Request['body']>(
        `/intelligence-stories/source-documents/${document.documentId}/key-judgments`,
        { revision: document.revision, keyJudgments: judgments }
      );
      setDocument(data.data);
      setJudgments(data.data.keyJudgments);
      setErrors({});
      toggleNotification({
        type: 'success',
        message: label('library.judgments.saved', 'Key judgments saved to the draft'),
      });
    } catch (caught) {
      const { message, fields } = describeError(caught);
      toggleNotification({ type: isConflict(caught) ? 'warning' : 'danger', message });
      if (isConflict(caught)) {
        await load();
      } else {
        setErrors(fields);
      }
    } finally {
      setSaving(false);
    }
  };

  const changed = JSON.stringify(judgments) !== JSON.stringify(document.keyJudgments);

  return (
    <Page.Main>
      <Page.Title>{document.title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={document.title}
        subtitle={`${document.issuer}${document.documentNumber ? ` · ${document.documentNumber}` : ''}`}
        secondaryAction={<StateBadge state={document.state} />}
        primaryAction={
          // Only where the Content Manager opens it for this user: elsewhere it answers Forbidden.
          document.canOpen ? (
            <Button
              tag={NavLink}
              to={sourceDocumentEditPath(document.documentId)}
              variant="tertiary"
              startIcon={<Pencil />}
            >
              {label('library.edit', 'Edit in the Content Manager')}
            </Button>
          ) : null
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Grid.Root gap={5}>
              <Grid.Item col={3} s={6}>
                <Fact name={label('library.pages', 'Pages')}>{document.pageCount}</Fact>
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Fact name={label('library.classification', 'Classification')}>
                  {label(
                    `classification.${document.classification}`,
                    CLASSIFICATION_LABELS[document.classification]
                  )}
                </Fact>
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Fact name={label('library.documentDate', 'Dated')}>
                  {document.documentDate ? formatDate(document.documentDate) : '—'}
                </Fact>
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Fact name={label('library.releaseDate', 'Released')}>
                  {document.releaseDate ? formatDate(document.releaseDate) : '—'}
                </Fact>
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <Fact name={label('library.file', 'File and SHA-256')}>
                  {document.file ? (
                    <>
                      <Link href={document.file.url} isExternal>
                        {document.file.name}
                      </Link>
                      <Typography variant="pi" tag="code" display="block" textColor="neutral700">
                        {document.sha256 ?? '—'}
                      </Typography>
                    </>
                  ) : (
                    label('library.noFile', 'No file')
                  )}
                </Fact>
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <Fact name={label('library.text', 'Text')}>
                  <ExtractionBadge status={document.text.status} />{' '}
                  {document.text.pageCount !== null &&
                  document.text.pageCount !== document.pageCount
                    ? label(
                        'library.text.pageMismatch',
                        'The PDF has {actual} pages; the record says {typed}.',
                        { actual: document.text.pageCount, typed: document.pageCount }
                      )
                    : null}
                  {document.text.pagesWithoutText > 0
                    ? label('library.text.noTextLayer', '{count} pages have no text layer.', {
                        count: document.text.pagesWithoutText,
                      })
                    : null}
                </Fact>
              </Grid.Item>
              {document.officialUrl ? (
                <Grid.Item col={12}>
                  <Fact name={label('library.officialUrl', 'Official copy')}>
                    <Link href={document.officialUrl} isExternal>
                      {document.officialUrl}
                    </Link>
                  </Fact>
                </Grid.Item>
              ) : null}
            </Grid.Root>
          </Box>

          {document.text.status === 'done' ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <DocumentTextSearch documentId={document.documentId} document={document} />
            </Box>
          ) : null}

          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Flex justifyContent="space-between" paddingBottom={4}>
              <Typography variant="delta" tag="h2">
                {label('library.judgments', 'Key judgments')}
              </Typography>
              {canManage ? (
                <Button onClick={save} loading={saving} disabled={!changed}>
                  {label('library.judgments.save', 'Save key judgments')}
                </Button>
              ) : null}
            </Flex>
            <KeyJudgmentsEditor
              value={judgments}
              onChange={setJudgments}
              errors={errors}
              disabled={!canManage || saving}
            />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
