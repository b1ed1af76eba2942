import { Field, TextInput } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useFetchClient,
  useForm,
} from '@strapi/strapi/admin';
import * as React from 'react';

import { usePluginLabel } from '../hooks/usePluginLabel';

type Props = {
  name: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
  placeholder?: string;
  attribute?: { targetField?: string };
  value?: string | null;
  onChange: (name: string, value: string) => void;
};

const FOLLOW_DELAY_MS = 300;

/**
 * A story's slug that follows its title as it is typed. Strapi 5's own uid input asks the server
 * for a default once, when the form opens with an empty title (hence `story`, `story-1`…), and
 * only regenerates on a click. This one asks the same route (`/content-manager/uid/generate`, so
 * the slug is unique and shaped as the Content Manager makes it) each time the title settles,
 * while the slug was empty when the form opened (a new story) and has not been typed by hand; an
 * existing story keeps its address unless regenerated.
 */
export const SlugInput = React.forwardRef<HTMLInputElement, Props>(
  (
    {
      name,
      label,
      hint,
      error,
      required,
      disabled,
      labelAction,
      placeholder,
      attribute,
      value,
      onChange,
    },
    ref
  ) => {
    const text = usePluginLabel();
    const { model } = useContentManagerContext();
    const values = useForm('SlugInput', (state) => state.values) as Record<string, unknown>;
    const targetField = attribute?.targetField ?? 'title';
    const target = typeof values[targetField] === 'string' ? (values[targetField] as string) : '';
    const { post } = useFetchClient();
    // A new story's slug is empty until the title gives it one; an existing story keeps its own.
    const [following, setFollowing] = React.useState(() => !value);
    const latest = React.useRef(0);

    const generate = React.useCallback(async () => {
      const request = ++latest.current;
      const { data } = await post<{ data: string }>('/content-manager/uid/generate', {
        contentTypeUID: model,
        field: name,
        data: values,
      });
      // A slower answer for an older title must not overwrite a newer one.
      if (request === latest.current) {
        onChange(name, data.data);
      }
    }, [post, model, name, values, onChange]);

    React.useEffect(() => {
      if (!following || disabled || target.trim() === '') {
        return;
      }
      const timer = window.setTimeout(() => {
        generate().catch(() => undefined);
      }, FOLLOW_DELAY_MS);
      return () => window.clearTimeout(timer);
      // Only the title's value restarts the wait; `generate` changes with every keystroke too.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [target, following, disabled]);

    return (
      <Field.Root name={name} hint={hint} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <TextInput
          ref={ref}
          name={name}
          value={value ?? ''}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            setFollowing(false);
            onChange(name, event.target.value);
          }}
          endAction={
            disabled ? undefined : (
              <Field.Action
                label={text('slug.regenerate', 'Regenerate from the title')}
                onClick={() => {
                  generate().catch(() => undefined);
                }}
              >
                <ArrowClockwise />
              </Field.Action>
            )
          }
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
SlugInput.displayName = 'SlugInput';

export default SlugInput;
