import { Checkbox, Field } from '@strapi/design-system';
import * as React from 'react';

import { usePluginLabel } from '../hooks/usePluginLabel';
import { ATTESTATION_SENTENCE } from '../../../shared/messages/content-manager-fields';

type Props = {
  name: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
  value?: boolean | null;
  onChange: (name: string, value: boolean) => void;
};

/**
 * The anonymous quote's attestation (R7): a checkbox with the sentence the reporter attests,
 * instead of the FALSE/TRUE toggle the Content Manager gives a boolean. Stores a boolean.
 */
export const AttestationInput = React.forwardRef<HTMLButtonElement, Props>(
  ({ name, label, hint, error, required, disabled, labelAction, value, onChange }, ref) => {
    const text = usePluginLabel();
    return (
      <Field.Root name={name} hint={hint} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Checkbox
          ref={ref}
          name={name}
          checked={value === true}
          disabled={disabled}
          onCheckedChange={(checked) => onChange(name, checked === true)}
        >
          {text('attestation.sentence', ATTESTATION_SENTENCE.en)}
        </Checkbox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
AttestationInput.displayName = 'AttestationInput';

export default AttestationInput;
