import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { QuoteDecisionEntry } from '../../../../shared/contracts/quotes';
import { usePluginLabel } from '../../hooks/usePluginLabel';

/** Every decision on the story's quotes, newest first: who, when, on which text, and why. */
export const ApprovalHistory = ({ history }: { history: QuoteDecisionEntry[] }) => {
  const label = usePluginLabel();
  const { formatDate } = useIntl();
  if (history.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600" tag="p">
        {label(
          'queue.history.empty',
          'No standards editor has decided on this story’s quotes yet.'
        )}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol">
      {history.map((entry, index) => (
        <Box key={`${entry.decidedAt}-${index}`} tag="li">
          <Flex gap={2} wrap="wrap">
            <Badge active={entry.decision === 'approved'}>
              {entry.decision === 'approved'
                ? label('queue.history.approved', 'Approved')
                : label('queue.history.rejected', 'Rejected')}
            </Badge>
            <Typography variant="pi" textColor="neutral700">
              {label('queue.history.by', 'Quote {number}, by {editor}, {date}', {
                number: entry.quoteIndex + 1,
                editor: entry.decidedBy ?? label('queue.someone', 'someone'),
                date: formatDate(entry.decidedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </Typography>
          </Flex>
          <Typography variant="pi" textColor="neutral600" tag="p">
            “{entry.quote}”
          </Typography>
          {entry.comment ? (
            <Typography variant="pi" tag="p">
              {label('queue.history.comment', 'Comment: {comment}', { comment: entry.comment })}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Flex>
  );
};
