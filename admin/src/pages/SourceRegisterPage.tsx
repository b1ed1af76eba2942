import { Box, Button, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';

import type { CreateSource, GetSources } from '../../../shared/contracts/sources';
import { AccessLogTable } from '../components/AccessLogTable';
import { ColumnHeads } from '../components/ColumnHeads';
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

  const load = useCallback(async () => {
    try {
      const { data } = await get<GetSources.Response>('/intelligence-stories/confidential-sources');
      setSources(data.data);
    } catch {
      setFailed(true);
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

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
      <Layouts.Content>
        {sources === null ? (
          <Page.Loading />
        ) : (
          <Box paddingBottom={8}>
            {sources.length === 0 ? (
              <Typography textColor="neutral600">
                {label('register.empty', 'No confidential source is registered.')}
              </Typography>
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
