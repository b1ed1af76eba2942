import { Box, Button, Field, Grid, TextInput, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import type {
  GetRuleLevels,
  GetSettings,
  UpdateSettings,
} from '../../../shared/contracts/settings';
import { RuleLevelsTable } from '../components/RuleLevelsTable';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { describeError, type Settings } from '../utils/api';

const FIELDS: Array<{ name: keyof Settings; label: string; hint: string }> = [
  {
    name: 'publisherName',
    label: 'Publisher name',
    hint: 'As the JSON-LD and the feeds name the newsroom.',
  },
  { name: 'publisherUrl', label: 'Publisher website', hint: 'https://news.example' },
  { name: 'publisherLogoUrl', label: 'Logo URL', hint: 'https://news.example/logo.png' },
  {
    name: 'correctionsPolicyUrl',
    label: 'Corrections policy URL',
    hint: 'Published as schema.org correctionsPolicy.',
  },
  {
    name: 'unnamedSourcesPolicyUrl',
    label: 'Anonymous sources policy URL',
    hint: 'Published as schema.org unnamedSourcesPolicy.',
  },
  {
    name: 'storyUrlTemplate',
    label: 'Story URL template',
    hint: "Where readers find a story, with '{slug}' or '{documentId}': https://news.example/stories/'{slug}'",
  },
];

/** The publisher settings that the JSON-LD and the corrections feeds carry. */
export const SettingsPage = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const rbac = usePluginRBAC();
  const [values, setValues] = useState<Settings | null>(null);
  const [rules, setRules] = useState<GetRuleLevels.Response | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const label = usePluginLabel();

  useEffect(() => {
    if (rbac.canReadSettings) {
      get<GetSettings.Response>('/intelligence-stories/settings').then(({ data }) =>
        setValues(data.data)
      );
      get<GetRuleLevels.Response>('/intelligence-stories/settings/rules').then(({ data }) =>
        setRules(data)
      );
    }
  }, [get, rbac.canReadSettings]);

  if (rbac.isLoading) {
    return <Page.Loading />;
  }
  if (!rbac.canReadSettings) {
    return <Page.NoPermissions />;
  }
  if (!values) {
    return <Page.Loading />;
  }

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const { data } = await put<UpdateSettings.Response, UpdateSettings.Request['body']>(
        '/intelligence-stories/settings',
        values
      );
      setValues(data.data);
      toggleNotification({ type: 'success', message: label('settings.saved', 'Settings saved') });
    } catch (caught) {
      const { message, fields } = describeError(caught);
      setErrors(fields);
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{label('settings.title', 'Intelligence stories')}</Page.Title>
      <Layouts.Header
        title={label('settings.title', 'Intelligence stories')}
        subtitle={label(
          'settings.subtitle',
          'The publisher, as the JSON-LD and the corrections feeds describe it'
        )}
        primaryAction={
          rbac.canUpdateSettings ? (
            <Button startIcon={<Check />} loading={saving} onClick={save}>
              {label('settings.save', 'Save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <Grid.Root gap={5}>
            {FIELDS.map((field) => (
              <Grid.Item key={field.name} col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={field.name}
                  error={errors[field.name]}
                  hint={label(`settings.${field.name}.hint`, field.hint)}
                >
                  <Field.Label>{label(`settings.${field.name}`, field.label)}</Field.Label>
                  <TextInput
                    disabled={!rbac.canUpdateSettings}
                    value={values[field.name] ?? ''}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setValues({ ...values, [field.name]: event.target.value || null })
                    }
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>
        </Box>
        {rules ? (
          <Box background="neutral0" hasRadius shadow="filterShadow" padding={6} marginTop={6}>
            <Typography variant="delta" tag="h2">
              {label('rules.title', 'Editorial rules')}
            </Typography>
            <Box paddingTop={2} paddingBottom={4}>
              <Typography textColor="neutral600">
                {label(
                  'rules.subtitle',
                  "Set in the app's config/plugins.ts (rules.R1 … rules.R11, a house rule by its code; overrides): loosening a sourcing rule is a reviewed change and a deploy, not a switch here."
                )}
              </Typography>
            </Box>
            <RuleLevelsTable levels={rules.data} meta={rules.meta} />
          </Box>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};

export default SettingsPage;
