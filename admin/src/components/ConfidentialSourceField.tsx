import {
  Box,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  IconButton,
  Link,
  Typography,
} from '@strapi/design-system';
import { Cross, Link as LinkIcon } from '@strapi/icons';
import { useField, useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { NavLink } from 'react-router-dom';

import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { useQuoteSources, type PickedSource } from '../hooks/useQuoteSources';
import { registerPagePath } from '../utils/source-paths';

type Props = {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
  placeholder?: string;
};

/**
 * A relation row as the Content Manager's form keeps it: on save, each row is replaced by its
 * `apiData` (`{ connect: [{ id, documentId }], disconnect: [...] }`), as its own input sends it.
 */
type RelationRow = { id: number; apiData: { id: number; documentId: string }; alias?: string };
type RelationValue = { connect?: RelationRow[]; disconnect?: RelationRow[] };

const rowOf = (source: PickedSource): RelationRow => ({
  id: source.id,
  apiData: { id: source.id, documentId: source.documentId },
  alias: source.alias,
});

/**
 * An anonymous quote's confidential source in the story form, in place of the Content Manager's
 * relation input (utils/source-field-layout.ts): sources picked and shown by alias, the linked one
 * opening its register page for those whose role opens the register, plain text for the others.
 */
export const ConfidentialSourceField = React.forwardRef<HTMLInputElement, Props>(
  ({ name, label, hint, required, disabled, labelAction, placeholder }, ref) => {
    const text = usePluginLabel();
    const rbac = usePluginRBAC();
    const field = useField<RelationValue>(name);
    // The quote's own row id, held beside this field in the component's values.
    const quotePath = name.split('.').slice(0, -1).join('.');
    const quoteRowId = useField<number>(`${quotePath}.id`).value;
    const isSubmitting = useForm('ConfidentialSourceField', (state) => state.isSubmitting);
    const value = field.value ?? {};
    const connected = value.connect ?? [];
    const disconnected = value.disconnect ?? [];
    const sources = useQuoteSources({
      quoteId: typeof quoteRowId === 'number' ? quoteRowId : undefined,
      // A save re-creates the form's values: the linked source is read again after it.
      reloadKey: isSubmitting,
      omit: connected.map((row) => row.id),
      include: disconnected.map((row) => row.id),
    });
    const [textValue, setTextValue] = React.useState('');

    const saved = sources.linked;
    const savedStillLinked = saved && !disconnected.some((row) => row.id === saved.id);
    const shown: { documentId: string; alias: string } | null = connected[0]
      ? { documentId: connected[0].apiData.documentId, alias: connected[0].alias ?? '' }
      : savedStillLinked
        ? saved
        : null;
    const canOpenRegister = rbac.canRead && (rbac.canRevealSources || rbac.canManageSources);

    const unlinkSaved = saved ? [rowOf(saved)] : [];
    const pick = (id?: string) => {
      const source = sources.options.find((option) => String(option.id) === id);
      if (!source) {
        return;
      }
      // One source a quote: picking replaces the saved one; picking the saved one again undoes.
      field.onChange(
        name,
        saved?.id === source.id
          ? { connect: [], disconnect: [] }
          : { connect: [rowOf(source)], disconnect: unlinkSaved }
      );
      setTextValue('');
    };
    const unlink = () => field.onChange(name, { connect: [], disconnect: unlinkSaved });

    const failure =
      sources.failure?.status === 403
        ? text(
            'sourceField.forbidden',
            'Linking a confidential source needs the permission "Read stories\' sourcing and readiness". Ask an administrator to add it to your role.'
          )
        : sources.failure?.message;

    return (
      <Field.Root name={name} hint={hint} required={required} error={field.error ?? failure}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Combobox
          ref={ref}
          name={name}
          disabled={disabled}
          autocomplete={{ type: 'list', filter: 'contains' }}
          placeholder={placeholder || text('sourceField.placeholder', 'Find a source by its alias')}
          loading={sources.loading}
          loadingMessage={text('sourceField.loading', 'Loading sources…')}
          noOptionsMessage={() =>
            text(
              'sourceField.none',
              'No source has this alias. Register it in the source register first.'
            )
          }
          hasMoreItems={sources.hasMore}
          onLoadMore={() => sources.loadMore()}
          textValue={textValue}
          onTextValueChange={setTextValue}
          onOpenChange={(open) => open && sources.searchFor(textValue)}
          onInputChange={(event) => sources.searchFor(event.currentTarget.value)}
          onChange={pick}
        >
          {sources.options.map((source) => (
            <ComboboxOption key={source.id} value={String(source.id)} textValue={source.alias}>
              {source.alias}
            </ComboboxOption>
          ))}
        </Combobox>
        {shown ? (
          <Box
            marginTop={2}
            paddingTop={2}
            paddingBottom={2}
            paddingLeft={4}
            paddingRight={4}
            hasRadius
            borderColor="neutral200"
          >
            <Flex justifyContent="space-between" gap={2}>
              {canOpenRegister ? (
                <Link
                  tag={NavLink}
                  to={registerPagePath(shown.documentId)}
                  startIcon={<LinkIcon />}
                >
                  {shown.alias}
                </Link>
              ) : (
                <Typography>{shown.alias}</Typography>
              )}
              <IconButton
                label={text('sourceField.unlink', 'Unlink this source')}
                variant="ghost"
                size="S"
                disabled={disabled}
                onClick={unlink}
              >
                <Cross />
              </IconButton>
            </Flex>
            {canOpenRegister || rbac.isLoading ? null : (
              <Typography variant="pi" textColor="neutral600">
                {text(
                  'sourceField.registerNeedsPermission',
                  'Its page in the source register needs the permission "Reveal confidential sources" or "Create and edit confidential sources".'
                )}
              </Typography>
            )}
          </Box>
        ) : null}
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default ConfidentialSourceField;
