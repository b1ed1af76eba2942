import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';

import { usePluginLabel } from '../hooks/usePluginLabel';
import type { LibraryKeyJudgment } from '../utils/api';
import { blankJudgment, CONFIDENCE_OPTIONS, LIKELIHOOD_OPTIONS } from '../utils/icd203';

type Props = {
  value: LibraryKeyJudgment[];
  onChange(value: LibraryKeyJudgment[]): void;
  /** Messages by path (`keyJudgments.0.text`), from the panel's checks or the server's. */
  errors?: Record<string, string>;
  disabled?: boolean;
};

/**
 * A source document's key judgments: the text as the report words it, its page, the analysts'
 * confidence and the ICD 203 likelihood term, picked from the scale rather than typed.
 */
export const KeyJudgmentsEditor = ({ value, onChange, errors = {}, disabled = false }: Props) => {
  const label = usePluginLabel();

  const change = (index: number, patch: Partial<LibraryKeyJudgment>) =>
    onChange(value.map((judgment, at) => (at === index ? { ...judgment, ...patch } : judgment)));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {value.length === 0 ? (
        <Typography textColor="neutral600">
          {label('library.judgments.empty', 'No key judgments recorded.')}
        </Typography>
      ) : null}
      {value.map((judgment, index) => {
        const path = `keyJudgments.${index}`;
        return (
          <Box
            key={index}
            padding={4}
            hasRadius
            borderColor="neutral200"
            tag="fieldset"
            aria-label={label('library.judgment', 'Key judgment {number}', { number: index + 1 })}
          >
            <Grid.Root gap={4}>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name={`${path}.text`} error={errors[`${path}.text`]} required>
                  <Field.Label>
                    {label('library.judgment.text', 'Judgment {number}', { number: index + 1 })}
                  </Field.Label>
                  <Textarea
                    disabled={disabled}
                    value={judgment.text}
                    onChange={(event) => change(index, { text: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
                <Field.Root name={`${path}.page`} error={errors[`${path}.page`]}>
                  <Field.Label>{label('library.judgment.page', 'Page')}</Field.Label>
                  <NumberInput
                    disabled={disabled}
                    value={judgment.page ?? undefined}
                    onValueChange={(page) => change(index, { page: page ?? null })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`${path}.confidence`}
                  error={errors[`${path}.confidence`]}
                  required
                >
                  <Field.Label>{label('library.judgment.confidence', 'Confidence')}</Field.Label>
                  <SingleSelect
                    disabled={disabled}
                    value={judgment.confidence}
                    onChange={(confidence) =>
                      change(index, { confidence: confidence as LibraryKeyJudgment['confidence'] })
                    }
                  >
                    {CONFIDENCE_OPTIONS.map((level) => (
                      <SingleSelectOption key={level.value} value={level.value}>
                        {label(`confidence.${level.value}`, level.label)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`${path}.likelihood`}
                  error={errors[`${path}.likelihood`]}
                  hint={label('library.judgment.likelihood.hint', "ICD 203's terms only")}
                >
                  <Field.Label>{label('library.judgment.likelihood', 'Likelihood')}</Field.Label>
                  <SingleSelect
                    disabled={disabled}
                    placeholder={label('library.judgment.likelihood.none', 'None stated')}
                    value={judgment.likelihood ?? ''}
                    onChange={(likelihood) =>
                      change(index, {
                        likelihood: (likelihood || null) as LibraryKeyJudgment['likelihood'],
                      })
                    }
                    onClear={() => change(index, { likelihood: null })}
                  >
                    {LIKELIHOOD_OPTIONS.map((term) => (
                      <SingleSelectOption key={term.value} value={term.value}>
                        {`${label(`likelihood.${term.value}`, term.label)} · ${term.band}`}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={1} s={12} alignItems="flex-end">
                <IconButton
                  disabled={disabled}
                  label={label('library.judgment.remove', 'Remove judgment {number}', {
                    number: index + 1,
                  })}
                  onClick={() => onChange(value.filter((_, at) => at !== index))}
                >
                  <Trash />
                </IconButton>
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name={`${path}.minorityView`} error={errors[`${path}.minorityView`]}>
                  <Field.Label>
                    {label('library.judgment.minorityView', 'Minority or dissenting view')}
                  </Field.Label>
                  <Textarea
                    disabled={disabled}
                    value={judgment.minorityView ?? ''}
                    onChange={(event) =>
                      change(index, { minorityView: event.target.value || null })
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Box>
        );
      })}
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={disabled}
          onClick={() => onChange([...value, blankJudgment()])}
        >
          {label('library.judgment.add', 'Add a key judgment')}
        </Button>
      </Box>
    </Flex>
  );
};
