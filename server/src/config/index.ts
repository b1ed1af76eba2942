import { validateYupSchemaSync, yup } from '@strapi/utils';

// Options are added here as features land; unknown keys are refused so that a typo in
// config/plugins.ts fails at boot instead of being silently ignored.
const configSchema = yup.object({}).noUnknown(true, 'unknown option(s): ${unknown}');

export default {
  default: {},
  validator(config: unknown) {
    validateYupSchemaSync(configSchema)(config);
  },
};
