import {
  Button,
  Field,
  Flex,
  Modal,
  MultiSelect,
  MultiSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useEffect, useState } from 'react';

import { usePluginLabel } from '../hooks/usePluginLabel';
import type { Editor, SourceInput } from '../utils/api';
import {
  editorName,
  emptySourceForm,
  IDENTITY_FIELDS,
  IDENTITY_LABELS,
  sourcePayload,
  type SourceFormValues,
} from '../utils/source-form';

type Props = {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The source as loaded (identity fields blank unless revealed); null for a new source. */
  initial: SourceFormValues | null;
  /** Whether the identity fields above are the revealed values or blanks standing for them. */
  identityRevealed: boolean;
  editors: Editor[];
  /** Messages by field, from the server's refusal. */
  errors: Record<string, string>;
  busy: boolean;
  onSubmit(input: SourceInput): void;
};

/** Creates a confidential source or changes one; only what changed is sent. */
export const SourceFormModal = ({
  open,
  onOpenChange,
  initial,
  identityRevealed,
  editors,
  errors,
  busy,
  onSubmit,
}: Props) => {
  const [values, setValues] = useState<SourceFormValues>(initial ?? emptySourceForm());
  const label = usePluginLabel();

  useEffect(() => {
    if (open) {
      setValues(initial ?? emptySourceForm());
    }
  }, [open, initial]);

  const set = (patch: Partial<SourceFormValues>) => setValues((now) => ({ ...now, ...patch }));
  const payload = sourcePayload(values, initial);
  const creating = initial === null;

  return (
    <Modal.Root open={open} onOpenChange={onOpenChange}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {creating
              ? label('register.create', 'New confidential source')
              : label('register.edit', 'Edit confidential source')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root
              name="alias"
              error={errors.alias}
              required
              hint={label(
                'register.alias.hint',
                'The handle editors use, e.g. "Source A". Shown in the panel, never in public.'
              )}
            >
              <Field.Label>{label('register.alias', 'Alias')}</Field.Label>
              <TextInput
                value={values.alias}
                onChange={(event) => set({ alias: event.target.value })}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            {!creating && !identityRevealed ? (
              <Typography variant="pi" textColor="neutral600">
                {label(
                  'register.identity.unrevealed',
                  'The identity is not shown. Fields left blank keep their stored values; type to replace one.'
                )}
              </Typography>
            ) : null}
            {IDENTITY_FIELDS.map((field) => (
              <Field.Root
                key={field}
                name={field}
                error={errors[field]}
                required={field === 'identity' && creating}
              >
                <Field.Label>{label(`register.${field}`, IDENTITY_LABELS[field])}</Field.Label>
                <Textarea
                  value={values[field]}
                  onChange={(event) => set({ [field]: event.target.value })}
                />
                <Field.Error />
              </Field.Root>
            ))}
            <Field.Root
              name="editorsWhoKnow"
              error={errors.editorsWhoKnow}
              hint={label(
                'register.editorsWhoKnow.hint',
                'R5: a quote can only rest on a source at least one editor knows.'
              )}
            >
              <Field.Label>{label('register.editorsWhoKnow', 'Editors who know')}</Field.Label>
              <MultiSelect
                withTags
                value={values.editorsWhoKnow.map(String)}
                onChange={(ids: string[]) => set({ editorsWhoKnow: ids.map(Number) })}
                placeholder={label('register.editorsWhoKnow.none', 'Nobody named')}
              >
                {editors.map((editor) => (
                  <MultiSelectOption key={editor.id} value={String(editor.id)}>
                    {editorName(editor)}
                  </MultiSelectOption>
                ))}
              </MultiSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('common.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button
            loading={busy}
            disabled={Object.keys(payload).length === 0}
            onClick={() => onSubmit(payload)}
          >
            {label('common.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
