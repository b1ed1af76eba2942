import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';

import type { DeclareNonSubstantive } from '../../../shared/contracts/stories';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { describeError, isConflict } from '../utils/api';

type Props = {
  storyDocumentId: string;
  /** The story revision the editor is looking at: a declaration is refused if it changed since. */
  revision: string | null;
  onDeclared(): void;
};

/**
 * R9's other way out: the change since the last publish needs no correction (a typo, a shortened
 * headline), said with a reason that the story's change log keeps. It covers this draft only.
 */
export const DeclareNonSubstantiveForm = ({ storyDocumentId, revision, onDeclared }: Props) => {
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
      await post<DeclareNonSubstantive.Response, DeclareNonSubstantive.Request['body']>(
        `/intelligence-stories/stories/${storyDocumentId}/non-substantive-change`,
        { revision, reason }
      );
      toggleNotification({
        type: 'success',
        message: label(
          'declare.done',
          'Declared not substantive: the next publish goes out without a correction.'
        ),
      });
      setReason('');
      onDeclared();
    } catch (caught) {
      const { message, fields } = describeError(caught);
      if (isConflict(caught)) {
        toggleNotification({ type: 'warning', message });
        onDeclared();
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
        name={`declare-${storyDocumentId}`}
        error={error}
        hint={label(
          'declare.hint',
          'At least 10 characters: why readers need no correction for this change (a typo, a shortened headline). Kept in the change log; it covers this draft only.'
        )}
      >
        <Field.Label>{label('declare.reason', 'Reason the change is not substantive')}</Field.Label>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Button variant="secondary" loading={busy} onClick={submit}>
        {label('declare.submit', 'Declare non-substantive')}
      </Button>
    </Flex>
  );
};
