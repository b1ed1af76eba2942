import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Eye, EyeStriked, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';

import type { GetSource, RevealSource, UpdateSource } from '../../../shared/contracts/sources';
import { AccessLogTable } from '../components/AccessLogTable';
import { SourceFormModal } from '../components/SourceFormModal';
import { StoryLink } from '../components/StoryLink';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { useSourceEditors } from '../hooks/useSourceEditors';
import {
  describeError,
  isConflict,
  type RevealedSource,
  type SourceInput,
  type SourceSummary,
} from '../utils/api';
import {
  editorName,
  emptySourceForm,
  IDENTITY_FIELDS,
  IDENTITY_LABELS,
  type SourceFormValues,
} from '../utils/source-form';

/**
 * One confidential source: its alias, who knows it and the quotes resting on it. The identity
 * appears only on a click, for users with the reveal permission, and the server logs the reveal
 * before answering; it is dropped again on "Hide" and never kept beyond this page.
 */
export const SourcePage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canRevealSources, canManageSources } = usePluginRBAC();
  const editors = useSourceEditors(canManageSources);
  const [source, setSource] = useState<SourceSummary | null>(null);
  const [revealed, setRevealed] = useState<RevealedSource | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const label = usePluginLabel();

  const load = useCallback(async () => {
    try {
      const { data } = await get<GetSource.Response>(
        `/intelligence-stories/confidential-sources/${documentId}`
      );
      setSource(data.data);
    } catch {
      setFailed(true);
    }
  }, [get, documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  const reveal = async () => {
    try {
      const { data } = await post<RevealSource.Response>(
        `/intelligence-stories/confidential-sources/${documentId}/reveal`
      );
      setRevealed(data.data);
      // The summary keeps no identity field, so "Hide identity" leaves none on the page.
      setSource(
        Object.fromEntries(
          Object.entries(data.data).filter(
            ([field]) => !IDENTITY_FIELDS.includes(field as (typeof IDENTITY_FIELDS)[number])
          )
        ) as SourceSummary
      );
      setLogVersion((version) => version + 1);
    } catch (caught) {
      toggleNotification({ type: 'danger', message: describeError(caught).message });
    }
  };

  const initial = useMemo<SourceFormValues | null>(
    () =>
      source
        ? {
            ...emptySourceForm(),
            alias: source.alias,
            editorsWhoKnow: source.editorsWhoKnow.map(({ id }) => id),
            ...(revealed
              ? Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, revealed[field] ?? '']))
              : {}),
          }
        : null,
    [source, revealed]
  );

  const save = async (input: SourceInput) => {
    setBusy(true);
    try {
      const { data } = await put<UpdateSource.Response, UpdateSource.Request['body']>(
        `/intelligence-stories/confidential-sources/${documentId}`,
        { ...input, revision: source?.revision ?? null }
      );
      setSource(data.data);
      // What was revealed may be out of date now: reveal again to see it.
      setRevealed(null);
      setEditing(false);
      setErrors({});
      setLogVersion((version) => version + 1);
      toggleNotification({ type: 'success', message: label('register.saved', 'Source saved') });
    } catch (caught) {
      const { message, fields } = describeError(caught);
      if (isConflict(caught)) {
        toggleNotification({ type: 'warning', message });
        setEditing(false);
        setRevealed(null);
        await load();
      } else {
        setErrors(Object.keys(fields).length > 0 ? fields : { alias: message });
      }
    } finally {
      setBusy(false);
    }
  };

  if (failed) {
    return <Page.Error />;
  }
  if (!source || !initial) {
    return <Page.Loading />;
  }

  return (
    <Page.Main>
      <Page.Title>{source.alias}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={source.alias}
        subtitle={label('register.knownTo', 'Known to {editors}', {
          editors: source.editorsWhoKnow.map(editorName).join(', ') || '—',
        })}
        primaryAction={
          <Flex gap={2}>
            {canRevealSources ? (
              revealed ? (
                <Button
                  variant="secondary"
                  startIcon={<EyeStriked />}
                  onClick={() => setRevealed(null)}
                >
                  {label('register.hide', 'Hide identity')}
                </Button>
              ) : (
                <Button variant="secondary" startIcon={<Eye />} onClick={reveal}>
                  {label('register.reveal', 'Reveal identity')}
                </Button>
              )
            ) : null}
            {canManageSources ? (
              <Button startIcon={<Pencil />} onClick={() => setEditing(true)}>
                {label('register.edit.button', 'Edit')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            {revealed ? (
              <Grid.Root gap={4} tag="dl" aria-label={label('register.identityTitle', 'Identity')}>
                {IDENTITY_FIELDS.map((field) => (
                  <Grid.Item key={field} col={field === 'verificationNotes' ? 12 : 6} s={12}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography variant="sigma" textColor="neutral600" tag="dt">
                        {label(`register.${field}`, IDENTITY_LABELS[field])}
                      </Typography>
                      <Typography tag="dd">{revealed[field] || '—'}</Typography>
                    </Flex>
                  </Grid.Item>
                ))}
              </Grid.Root>
            ) : (
              <Typography textColor="neutral600">
                {canRevealSources
                  ? label(
                      'register.hidden',
                      'The identity is hidden. Revealing it is recorded in the access log.'
                    )
                  : label(
                      'register.noReveal',
                      'You do not have the permission to reveal who this source is.'
                    )}
              </Typography>
            )}
          </Box>

          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Typography variant="delta" tag="h2">
              {label('register.quotes', 'Quotes resting on it')}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={4}>
              {source.quotes.length === 0 ? (
                <Typography textColor="neutral600">
                  {label('register.quotes.none', 'No story quotes this source yet.')}
                </Typography>
              ) : (
                source.quotes.map((quote) => (
                  <li key={`${quote.storyDocumentId}-${quote.quoteIndex}`}>
                    <StoryLink
                      documentId={quote.storyDocumentId}
                      title={quote.storyTitle}
                      canOpen={quote.canOpenStory}
                    />{' '}
                    <Typography textColor="neutral600">— {quote.attribution}</Typography>
                  </li>
                ))
              )}
            </Flex>
          </Box>

          {canManageSources ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Typography variant="delta" tag="h2">
                {label('register.log', 'Access log')}
              </Typography>
              <Box paddingTop={4}>
                <AccessLogTable sourceDocumentId={source.documentId} refreshKey={logVersion} />
              </Box>
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
      <SourceFormModal
        open={editing}
        onOpenChange={setEditing}
        initial={initial}
        identityRevealed={revealed !== null}
        editors={editors}
        errors={errors}
        busy={busy}
        onSubmit={save}
      />
    </Page.Main>
  );
};
