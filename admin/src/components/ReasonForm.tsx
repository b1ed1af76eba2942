import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

import { localeParams, useStoryLocale } from '../hooks/useStoryLocale';
import { useState } from 'react';

import { describeError, isConflict } from '../utils/api';

type Props = {
  /** The field's name, unique on the page. */
  name: string;
  /** The admin route the reason is posted to. */
  path: string;
  /** What is posted beside the reason (the revision the editor is looking at, a rule…). */
  body: Record<string, unknown>;
  label: string;
  hint: string;
  submit: string;
  done: string;
  variant: 'secondary' | 'danger-light';
  /** After a success, or a 409 (the story changed since): the caller reloads. */
  onDone(): void;
};

/**
 * A decision the server keeps in the story's change log with a reason: a textarea, a button, the
 * server's refusal under the field by its path, and a reload when the story changed meanwhile.
 * The rule overrides and the non-substantive declaration are this form with their own route.
 */
export const ReasonForm = ({
  name,
  path,
  body,
  label,
  hint,
  submit,
  done,
  variant,
  onDone,
}: Props) => {
  const { post } = useFetchClient();
  // The edit view's language version: declarations and overrides are for that version's draft.
  const locale = useStoryLocale();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await post(path, { ...body, reason }, { params: localeParams(locale) });
      toggleNotification({ type: 'success', message: done });
      setReason('');
      onDone();
    } catch (caught) {
      const { message, fields } = describeError(caught);
      if (isConflict(caught)) {
        toggleNotification({ type: 'warning', message });
        onDone();
      } else {
        setError(fields.reason ?? message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name={name} error={error} hint={hint}>
        <Field.Label>{label}</Field.Label>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Button variant={variant} loading={busy} onClick={send}>
        {submit}
      </Button>
    </Flex>
  );
};
