import {
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';

import {
  CORRECTION_KIND_LABELS,
  CORRECTION_KINDS,
  type CarryOverCorrection,
  type CorrectionKind,
  type DeskCorrection,
  type IssueCorrection,
} from '../../../shared/contracts/corrections';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { localeParams, useStoryLocale } from '../hooks/useStoryLocale';
import { describeError } from '../utils/api';
import { needsLateReason } from '../utils/late-correction';

type Props = {
  storyDocumentId: string;
  firstPublishedAt: string | null;
  corrections: DeskCorrection[];
  /** Factual corrections of the other language versions not carried into this one yet. */
  carryOver?: CarryOverCorrection[];
  /** The draft differs from what readers see (readiness' `changedSincePublish`). */
  draftDiffers: boolean;
  onIssued(): void;
};

/** Issues a correction on a published story; the server stamps when and by whom. */
export const IssueCorrectionModal = ({
  storyDocumentId,
  firstPublishedAt,
  corrections,
  carryOver = [],
  draftDiffers,
  onIssued,
}: Props) => {
  const { post } = useFetchClient();
  const locale = useStoryLocale();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<CorrectionKind>('correction');
  const [text, setText] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [supersedes, setSupersedes] = useState('');
  const [carriedFrom, setCarriedFrom] = useState('');
  const [translationOnly, setTranslationOnly] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const late = needsLateReason(firstPublishedAt);

  const label = usePluginLabel();

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const { data } = await post<IssueCorrection.Response, IssueCorrection.Request['body']>(
        `/intelligence-stories/stories/${storyDocumentId}/corrections`,
        {
          kind,
          text,
          lateReason: lateReason || null,
          supersedes: supersedes || null,
          carriedFrom: carriedFrom || null,
          translationOnly,
          // The edit view's language version: a translation's slip is corrected in its own.
          ...localeParams(locale),
        }
      );
      toggleNotification({
        type: 'success',
        message: data.data.held
          ? label(
              'corrections.issued.held',
              'Correction issued. It goes public when you publish the story with its fix.'
            )
          : label('corrections.issued', 'Correction issued'),
      });
      setOpen(false);
      setText('');
      setLateReason('');
      setSupersedes('');
      setCarriedFrom('');
      setTranslationOnly(false);
      onIssued();
    } catch (caught) {
      const { message, fields } = describeError(caught);
      setErrors(Object.keys(fields).length > 0 ? fields : { text: message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" fullWidth>
          {label('corrections.issue', 'Issue a correction')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{label('corrections.issue', 'Issue a correction')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="omega" textColor="neutral700">
              {draftDiffers && kind !== 'retraction'
                ? label(
                    'corrections.willBeHeld',
                    'The draft differs from what readers see. This correction explains that change: it is held and goes public when you publish the story, together with the fix.'
                  )
                : label(
                    'corrections.willBePublic',
                    'Readers see this correction as soon as you issue it. To correct the text too, edit the draft first: the correction then goes public with the fix.'
                  )}
            </Typography>
            {carryOver.length > 0 ? (
              <Field.Root
                name="carriedFrom"
                error={errors.carriedFrom}
                hint={label(
                  'corrections.carriedFrom.hint',
                  'A factual correction issued in another language: its kind and text are copied here for you to translate.'
                )}
              >
                <Field.Label>{label('corrections.carriedFromLabel', 'Carries over')}</Field.Label>
                <SingleSelect
                  value={carriedFrom}
                  onChange={(value) => {
                    const original = carryOver.find((c) => c.documentId === String(value));
                    setCarriedFrom(String(value));
                    if (original) {
                      setKind(original.kind);
                      setText(original.text);
                    }
                  }}
                  onClear={() => setCarriedFrom('')}
                  placeholder={label('corrections.supersedes.none', 'None')}
                >
                  {carryOver.map((correction) => (
                    <SingleSelectOption key={correction.documentId} value={correction.documentId}>
                      {`${correction.locale ?? ''} · ${CORRECTION_KIND_LABELS[correction.kind]}: ${correction.text.slice(0, 60)}…`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            ) : null}
            <Field.Root name="kind" error={errors.kind} required>
              <Field.Label>{label('corrections.kind', 'Kind')}</Field.Label>
              <SingleSelect value={kind} onChange={(value) => setKind(value as CorrectionKind)}>
                {CORRECTION_KINDS.map((option) => (
                  <SingleSelectOption key={option} value={option}>
                    {label(`kind.${option}`, CORRECTION_KIND_LABELS[option])}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            <Field.Root
              name="text"
              error={errors.text}
              required
              hint={label(
                'corrections.text.hint',
                'Say what was wrong and what is right, so the note explains itself (20–4000 characters).'
              )}
            >
              <Field.Label>{label('corrections.text', 'Text readers will see')}</Field.Label>
              <Textarea value={text} onChange={(event) => setText(event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            {locale ? (
              <Field.Root
                name="translationOnly"
                hint={label(
                  'corrections.translationOnly.hint',
                  'A slip of this translation, not a wrong fact: it is not offered to the editors of the other languages.'
                )}
              >
                <Checkbox
                  checked={translationOnly}
                  onCheckedChange={(checked) => setTranslationOnly(checked === true)}
                >
                  {label('corrections.translationOnly', 'Translation slip (this language only)')}
                </Checkbox>
                <Field.Hint />
              </Field.Root>
            ) : null}
            {late || errors.lateReason ? (
              <Field.Root
                name="lateReason"
                error={errors.lateReason}
                required
                hint={label(
                  'corrections.lateReason.hint',
                  'The story was first published more than 30 days ago.'
                )}
              >
                <Field.Label>
                  {label('corrections.lateReasonLabel', 'Why it comes late')}
                </Field.Label>
                <Textarea
                  value={lateReason}
                  onChange={(event) => setLateReason(event.target.value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            ) : null}
            {corrections.length > 0 ? (
              <Field.Root name="supersedes" error={errors.supersedes}>
                <Field.Label>{label('corrections.supersedesLabel', 'Supersedes')}</Field.Label>
                <SingleSelect
                  value={supersedes}
                  onChange={(value) => setSupersedes(String(value))}
                  onClear={() => setSupersedes('')}
                  placeholder={label('corrections.supersedes.none', 'None')}
                >
                  {corrections.map((correction) => (
                    <SingleSelectOption key={correction.documentId} value={correction.documentId}>
                      {`${CORRECTION_KIND_LABELS[correction.kind]}: ${correction.text.slice(0, 60)}…`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('common.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button loading={busy} onClick={submit}>
            {label('corrections.issue.confirm', 'Issue')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
