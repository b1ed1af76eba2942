import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';

import type { OverrideRule } from '../../../shared/contracts/stories';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { describeError, isConflict } from '../utils/api';

type Props = {
  storyDocumentId: string;
  rule: string;
  /** The story revision the editor is looking at: an override is refused if it changed since. */
  revision: string | null;
  onOverridden(): void;
};

/**
 * Overrides a blocking rule for the next publish of this draft, with a reason (at least 20
 * characters) kept in the story's change log. The server checks the permission the app's config
 * names for the rule, and answers 403 to an editor without it.
 */
export const RuleOverrideForm = ({ storyDocumentId, rule, revision, onOverridden }: Props) => {
  const label = usePluginLabel();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await post<OverrideRule.Response, OverrideRule.Request['body']>(
        `/intelligence-stories/stories/${storyDocumentId}/rule-overrides`,
        { revision, rule, reason }
      );
      toggleNotification({
        type: 'success',
        message: label('override.done', '{rule} overridden for the next publish', { rule }),
      });
      setReason('');
      onOverridden();
    } catch (caught) {
      const { message, fields } = describeError(caught);
      if (isConflict(caught)) {
        toggleNotification({ type: 'warning', message });
        onOverridden();
      } else {
        setError(fields.reason ?? message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root
        name={`override-${storyDocumentId}-${rule}`}
        error={error}
        hint={label(
          'override.hint',
          'At least 20 characters: why this story may be published although the rule blocks it. Kept in the change log; used up by the next publish.'
        )}
      >
        <Field.Label>{label('override.reason', 'Reason to override {rule}', { rule })}</Field.Label>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Button variant="danger-light" loading={busy} onClick={submit}>
        {label('override.submit', 'Override {rule} for one publish', { rule })}
      </Button>
    </Flex>
  );
};
