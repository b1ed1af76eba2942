import type { Core } from '@strapi/strapi';

/**
 * Strapi internal (checked against @strapi/core 5.54.0): the `strapi::content-types.afterSync`
 * hook, called at each boot once the database schema is synced with the models and before
 * bootstrap; Strapi's own plugins (i18n, review-workflows, content-releases) run their data
 * migrations there. It is an async parallel hook: handlers registered on it run concurrently.
 */
export const afterSchemaSync = (strapi: Core.Strapi, handler: () => Promise<unknown>) => {
  strapi.hook('strapi::content-types.afterSync').register(handler);
};
