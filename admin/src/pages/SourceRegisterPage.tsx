import { Box, Button, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import {
  Layouts,
  Page,
  useFetchClient,
  useNotification,
  useQueryParams,
} from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';

import type { CreateSource, GetSources } from '../../../shared/contracts/sources';
import { AccessLogTable } from '../components/AccessLogTable';
import { ColumnHeads } from '../components/ColumnHeads';
import { ListEmptyState } from '../components/ListEmptyState';
import { ListSearch } from '../components/ListSearch';
import { SourceFormModal } from '../components/SourceFormModal';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { useSourceEditors } from '../hooks/useSourceEditors';
import { describeError, type SourceInput, type SourceSummary } from '../utils/api';
import { editorName } from '../utils/source-form';

/**
 * The confidential-source register: sources by alias, who knows them and which quotes rest on
 * them. Identities are not on this page; they are revealed one source at a time, and logged.
 */
export const SourceRegisterPage = () => {
  const { formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { canManageSources } = usePluginRBAC();
  const editors = useSourceEditors(canManageSources);
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const label = usePluginLabel();
  // The search lives in the URL, as in Strapi's own lists; it looks at aliases only.
  const [{ query }, setQuery] = useQueryParams<{ q?: string }>();
  const q = query.q?.trim() ?? '';

  // A search typed key by key: an answer overtaken by a newer search is dropped, never shown.
  useEffect(() => {
    const controller = new AbortController();
    get<GetSources.Response>('/intelligence-stories/confidential-sources', {
      params: q ? ({ q } satisfies GetSources.Request['query']) : {},
      signal: controller.signal,
    })
      .then(({ data }) => setSources(data.data))
      .catch(() => {
        if (!controller.signal.aborted) {
          setFailed(true);
        }
      });
    return () => controller.abort();
  }, [get, q]);

  const create = async (input: SourceInput) => {
    setBusy(true);
    try {
      const { data } = await post<CreateSource.Response>(
        '/intelligence-stories/confidential-sources',
        input
      );
      setCreating(false);
      setErrors({});
      toggleNotification({
        type: 'success',
        message: label('register.created', 'Source {alias} added to the register', {
          alias: data.data.alias,
        }),
      });
      navigate(data.data.documentId);
    } catch (caught) {
      const { message, fields } = describeError(caught);
      setErrors(Object.keys(fields).length > 0 ? fields : { alias: message });
    } finally {
      setBusy(false);
    }
  };

  if (failed) {
    return <Page.Error />;
  }

  return (
    <Page.Main>
      <Page.Title>{label('nav.register', 'Source register')}</Page.Title>
      <Layouts.Header
        title={label('nav.register', 'Source register')}
        subtitle={label(
          'register.subtitle',
          'Who the anonymous sources are. Identities are encrypted; every reveal is logged.'
        )}
        primaryAction={
          canManageSources ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
              {label('register.create', 'New confidential source')}
            </Button>
          ) : null
        }
      />
      <Layouts.Action
        startActions={<ListSearch label={label('register.search', 'Search aliases')} />}
      />
      <Layouts.Content>
        {sources === null ? (
          <Page.Loading />
        ) : (
          <Box paddingBottom={8}>
            {sources.length === 0 ? (
              q ? (
                <ListEmptyState
                  message={label(
                    'register.empty.filtered',
                    'No alias contains “{q}”. Only aliases are searched, never identities: try part of an alias, or clear the search.',
                    { q }
                  )}
                  action={{
                    label: label('filters.clearSearch', 'Clear the search'),
                    onClick: () => setQuery({ q: '' }),
                  }}
                />
              ) : (
                <ListEmptyState
                  message={
                    canManageSources
                      ? label(
                          'register.empty.manage',
                          'No confidential source is registered. Add one with New confidential source, then link it from an anonymous quote.'
                        )
                      : label(
                          'register.empty',
                          'No confidential source is registered. An editor who may create sources adds them here.'
                        )
                  }
                />
              )
            ) : (
              <Table colCount={4} rowCount={sources.length + 1}>
                <ColumnHeads
                  labels={[
                    label('register.alias', 'Alias'),
                    label('register.editorsWhoKnow', 'Editors who know'),
                    label('register.quotes', 'Quotes resting on it'),
                    label('desk.updated', 'Updated'),
                  ]}
                />
                <Tbody>
                  {sources.map((source) => (
                    <Tr key={source.documentId}>
                      <Td>
                        <Link tag={NavLink} to={source.documentId}>
                          {source.alias}
                        </Link>
                      </Td>
                      <Td>
                        <Typography>
                          {source.editorsWhoKnow.map(editorName).join(', ') || '—'}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>{source.quotes.length}</Typography>
                      </Td>
                      <Td>
                        <Typography>
                          {source.updatedAt ? formatDate(source.updatedAt) : '—'}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
        )}
        {canManageSources ? (
          <Box>
            <Typography variant="delta" tag="h2">
              {label('register.log', 'Access log')}
            </Typography>
            <Box paddingTop={4}>
              <AccessLogTable refreshKey={sources} />
            </Box>
          </Box>
        ) : null}
      </Layouts.Content>
      <SourceFormModal
        open={creating}
        onOpenChange={setCreating}
        initial={null}
        identityRevealed={false}
        editors={editors}
        errors={errors}
        busy={busy}
        onSubmit={create}
      />
    </Page.Main>
  );
};
