import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { Check, Cross } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { DecisionAbility } from '../../../shared/contracts/desk';
import type { ApproveQuote, RejectQuote } from '../../../shared/contracts/quotes';
import { localeParams, useStoryLocale } from '../hooks/useStoryLocale';
import { describeError, isConflict, type Readiness } from '../utils/api';
import { refreshApprovalCount } from '../utils/approval-count';
import { FourEyesNotice } from './approval-queue/FourEyesNotice';
import { getTranslation } from '../utils/getTranslation';

type Props = {
  storyDocumentId: string;
  quoteIndex: number;
  /** The story revision the editor is looking at: a decision is refused if it changed since. */
  revision: string | null;
  onDecided(readiness: Readiness | null): void;
  /** The server's word on whether this editor may decide (four eyes); absent: ask on the click. */
  decision?: DecisionAbility;
  /** The quote's language version; by default the one the Content Manager's edit view shows. */
  locale?: string | null;
};

/** Approve or reject one anonymous quote, with a comment (required to reject). */
export const QuoteDecision = ({
  storyDocumentId,
  quoteIndex,
  revision,
  onDecided,
  decision,
  locale: itemLocale,
}: Props) => {
  const refused = decision?.mayDecide === false;
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const editViewLocale = useStoryLocale();
  const locale = itemLocale ?? editViewLocale;
  const { toggleNotification } = useNotification();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | undefined>();

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(decision);
    setError(undefined);
    try {
      const { data } = await post<
        ApproveQuote.Response | RejectQuote.Response,
        ApproveQuote.Request['body'] | RejectQuote.Request['body']
      >(
        `/intelligence-stories/stories/${storyDocumentId}/quotes/${quoteIndex}/${decision}`,
        { revision, comment: comment || null },
        { params: localeParams(locale) }
      );
      toggleNotification({
        type: 'success',
        message: formatMessage({
          id: getTranslation(`decision.${decision}d`),
          defaultMessage: decision === 'approve' ? 'Quote approved' : 'Quote rejected',
        }),
      });
      setComment('');
      void refreshApprovalCount();
      onDecided(data.data);
    } catch (caught) {
      const { message, fields } = describeError(caught);
      if (isConflict(caught)) {
        // Someone changed the story since it was loaded: show them the new version first.
        toggleNotification({ type: 'warning', message });
        onDecided(null);
      } else {
        setError(fields.comment ?? message);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {decision ? <FourEyesNotice decision={decision} /> : null}
      <Field.Root
        name={`comment-${storyDocumentId}-${quoteIndex}`}
        error={error}
        hint={formatMessage({
          id: getTranslation('decision.comment.hint'),
          defaultMessage: 'Required to reject: say what the desk must fix.',
        })}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('decision.comment'), defaultMessage: 'Comment' })}
        </Field.Label>
        <Textarea
          disabled={refused}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Flex gap={2}>
        <Button
          startIcon={<Check />}
          loading={busy === 'approve'}
          disabled={refused}
          onClick={() => decide('approve')}
        >
          {formatMessage({ id: getTranslation('decision.approve'), defaultMessage: 'Approve' })}
        </Button>
        <Button
          variant="danger-light"
          startIcon={<Cross />}
          loading={busy === 'reject'}
          disabled={refused}
          onClick={() => decide('reject')}
        >
          {formatMessage({ id: getTranslation('decision.reject'), defaultMessage: 'Reject' })}
        </Button>
      </Flex>
    </Flex>
  );
};
