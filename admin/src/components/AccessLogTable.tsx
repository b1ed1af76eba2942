import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { GetAccessLog } from '../../../shared/contracts/sources';
import { usePluginLabel } from '../hooks/usePluginLabel';
import type { AccessLogEntry } from '../utils/api';
import { ColumnHeads } from './ColumnHeads';

const ACTION_LABELS = {
  reveal: 'Revealed',
  create: 'Created',
  update: 'Changed',
  reencrypt: 'Re-encrypted (key rotation)',
};

type Props = {
  /** One source's entries; all sources' when absent. */
  sourceDocumentId?: string;
  /** Changes when the caller knows the log grew (a reveal, a save), to read it again. */
  refreshKey?: unknown;
};

/** Who revealed, created or changed confidential sources, newest first: field names, no values. */
export const AccessLogTable = ({ sourceDocumentId, refreshKey }: Props) => {
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const [entries, setEntries] = useState<AccessLogEntry[] | null>(null);
  const label = usePluginLabel();

  useEffect(() => {
    const controller = new AbortController();
    get<GetAccessLog.Response>('/intelligence-stories/confidential-sources/access-log', {
      params: { ...(sourceDocumentId ? { sourceDocumentId } : {}), pageSize: '50' },
      signal: controller.signal,
    })
      .then(({ data }) => setEntries(data.data))
      .catch(() => {
        if (!controller.signal.aborted) {
          setEntries([]);
        }
      });
    return () => controller.abort();
  }, [get, sourceDocumentId, refreshKey]);

  if (entries === null) {
    return null;
  }
  if (entries.length === 0) {
    return (
      <Typography textColor="neutral600">
        {label('register.log.empty', 'Nothing recorded yet.')}
      </Typography>
    );
  }

  return (
    <Table colCount={4} rowCount={entries.length + 1}>
      <ColumnHeads
        labels={[
          label('register.log.at', 'When'),
          label('register.log.who', 'Who'),
          label('register.log.action', 'What'),
          label('register.log.fields', 'Fields'),
        ]}
      />
      <Tbody>
        {entries.map((entry, index) => (
          <Tr key={`${entry.at}-${index}`}>
            <Td>
              <Typography>
                {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {entry.actor
                  ? entry.actor.name || entry.actor.email
                  : label('register.log.system', 'The server')}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {label(`register.log.${entry.action}`, ACTION_LABELS[entry.action])}
                {sourceDocumentId ? null : ` · ${entry.sourceAlias ?? entry.sourceDocumentId}`}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">{entry.fields.join(', ')}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
