import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';

import type { GetApprovalQueueItem, QueueItemDetail } from '../../../../shared/contracts/desk';
import { usePluginLabel } from '../../hooks/usePluginLabel';
import { describeError } from '../../utils/api';
import { ViolationList } from '../ViolationList';
import { ApprovalHistory } from './ApprovalHistory';
import { ApprovedTextDiff } from './ApprovedTextDiff';
import { QuoteInParagraph } from './QuoteInParagraph';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box paddingTop={3}>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    <Box paddingTop={1}>{children}</Box>
  </Box>
);

/**
 * What a standards editor reads before deciding on one quote of the queue, from the server: the
 * paragraph that quotes it, what changed since a voided approval, its other findings, the story's
 * last save and its approval history. `version` changes when the queue reloads.
 */
export const QuoteContext = ({
  documentId,
  locale,
  quoteIndex,
  version,
  editViewPath,
}: {
  documentId: string;
  /** The story's language version the quote is in. */
  locale?: string | null;
  quoteIndex: number;
  version: string | null;
  /** The story's edit view, for the findings' remedies; null when the user may not open it. */
  editViewPath: string | null;
}) => {
  const label = usePluginLabel();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const [detail, setDetail] = useState<QueueItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    get<GetApprovalQueueItem.Response>(
      `/intelligence-stories/desk/approvals/${documentId}/quotes/${quoteIndex}`,
      { params: locale ? { locale } : undefined }
    )
      .then(({ data }) => current && setDetail(data.data))
      .catch((caught) => current && setError(describeError(caught).message));
    return () => {
      current = false;
    };
  }, [get, documentId, locale, quoteIndex, version]);

  if (error) {
    return (
      <Typography textColor="danger600" tag="p">
        {error}
      </Typography>
    );
  }
  if (!detail) {
    return <Loader small>{label('queue.detail.loading', 'Loading the quote’s context')}</Loader>;
  }
  const others = detail.violations.errors.length + detail.violations.warnings.length;
  return (
    <Flex direction="column" alignItems="stretch">
      <Section title={label('queue.detail.paragraph', 'In the story')}>
        <QuoteInParagraph paragraph={detail.paragraph} />
      </Section>
      {detail.state === 'voided' ? (
        <Section title={label('queue.detail.sinceApproved', 'Changed since approved')}>
          <ApprovedTextDiff approvedText={detail.approvedText} quote={detail.quote} />
        </Section>
      ) : null}
      <Section title={label('queue.detail.otherRules', 'The quote’s other findings')}>
        {others === 0 ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {label('queue.detail.noOtherRules', 'No other rule finds anything wrong with it.')}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <ViolationList
              violations={detail.violations.errors}
              tone="danger"
              houseRules={detail.houseRules}
              editViewPath={editViewPath}
            />
            <ViolationList
              violations={detail.violations.warnings}
              tone="warning"
              houseRules={detail.houseRules}
              editViewPath={editViewPath}
            />
          </Flex>
        )}
      </Section>
      <Section title={label('queue.detail.asked', 'Asked by')}>
        <Typography variant="pi" tag="p">
          {!detail.lastSavedAt
            ? '—'
            : detail.lastSavedBy
              ? label('queue.detail.lastSaved', '{editor} saved the story last, {date}', {
                  editor: detail.lastSavedBy,
                  date: formatDate(detail.lastSavedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })
              : // Saved by code (an import, a script) or by an account deleted since.
                label(
                  'queue.detail.lastSavedByNoOne',
                  'The story was last saved on {date}; no editor is on record for that save.',
                  {
                    date: formatDate(detail.lastSavedAt, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                  }
                )}
        </Typography>
      </Section>
      <Section title={label('queue.detail.history', 'Approval history of the story')}>
        <ApprovalHistory history={detail.history} />
      </Section>
    </Flex>
  );
};
