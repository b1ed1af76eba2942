import { Badge, Typography } from '@strapi/design-system';

import { usePluginLabel } from '../hooks/usePluginLabel';
import type { QueueState } from '../utils/api';

const LABELS: Record<QueueState, string> = {
  pending: 'Pending',
  rejected: 'Rejected',
  voided: 'Changed since approved',
  'approver-lost-permission': 'Approver can no longer approve',
  'original-not-approved': 'Original not approved',
};

const HINTS: Record<QueueState, string> = {
  pending: 'No standards editor has decided on it yet.',
  rejected: 'A standards editor rejected it: fix what they asked, then it needs approving again.',
  voided: 'It changed after it was approved: a standards editor must approve it again.',
  'approver-lost-permission':
    'Approved by {approver}, who can no longer approve quotes: a standards editor must approve it again.',
  'original-not-approved':
    'A translation: the original quote it renders has no standing approval in the version it was translated from.',
};

/** Why a quote awaits a standards editor's decision, in a word (the server's reason). */
export const AwaitingBadge = ({ reason }: { reason: QueueState }) => {
  const label = usePluginLabel();
  return (
    <Badge active={reason !== 'pending'}>{label(`queue.state.${reason}`, LABELS[reason])}</Badge>
  );
};

/** What the reason means and what has to happen; `decidedBy` names whoever decided last. */
export const AwaitingHint = ({
  reason,
  decidedBy,
}: {
  reason: QueueState;
  decidedBy?: string | null;
}) => {
  const label = usePluginLabel();
  return (
    <Typography variant="pi" textColor="neutral600">
      {label(`queue.hint.${reason}`, HINTS[reason], {
        approver: decidedBy ?? label('queue.someone', 'someone'),
      })}
    </Typography>
  );
};
