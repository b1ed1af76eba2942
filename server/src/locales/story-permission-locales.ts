import type { Core } from '@strapi/strapi';

import { STORY_UID } from '../utils/plugin-id';

type PermissionData = {
  action?: string;
  subject?: string | null;
  properties?: Record<string, unknown> | null;
};

/**
 * Stories are localized (Strapi i18n), and a role's Content Manager permission on a localized type
 * reaches only the locales its `locales` property names: none when it names none. Strapi creates
 * its Editor and Author presets (and any permission written by code without the property) with no
 * such property, so those roles could not open a single story. Strapi repairs the same gap for a
 * type that becomes localized by granting the default locale (@strapi/i18n's
 * `repairPermissionsForNewlyLocalizedTypes`); the plugin does the same for story permissions that
 * lack the property altogether. A list an administrator ticked in the role editor, even an empty
 * one, and `null` (every locale) are left as they are.
 */
const lacksLocales = (permission: PermissionData) =>
  permission.subject === STORY_UID &&
  Boolean(permission.action?.startsWith('plugin::content-manager.')) &&
  !(permission.properties && 'locales' in permission.properties);

const defaultLocaleOf = async (strapi: Core.Strapi) =>
  (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string | null;

const withDefaultLocale = (permission: PermissionData, locale: string): PermissionData => ({
  ...permission,
  properties: { ...permission.properties, locales: [locale] },
});

/** Story permissions stored without locales (an earlier boot, an upgrade) get the default one. */
export const grantDefaultLocaleWhereUnset = async (strapi: Core.Strapi): Promise<number> => {
  const locale = await defaultLocaleOf(strapi);
  if (!locale) {
    return 0;
  }
  const permissions = strapi.db.query('admin::permission');
  const unset = (
    (await permissions.findMany({
      where: { subject: STORY_UID },
      select: ['id', 'action', 'subject', 'properties'],
    })) as Array<PermissionData & { id: number }>
  ).filter(lacksLocales);
  for (const { id, ...permission } of unset) {
    await permissions.update({ where: { id }, data: withDefaultLocale(permission, locale) });
  }
  return unset.length;
};

/**
 * The same for permissions written from now on: Strapi's admin creates its preset roles after
 * the plugins' bootstrap, on a new database.
 */
export const grantDefaultLocaleOnCreate = (strapi: Core.Strapi) => {
  const patch = async (data: PermissionData) => {
    if (!lacksLocales(data)) {
      return data;
    }
    const locale = await defaultLocaleOf(strapi);
    return locale ? withDefaultLocale(data, locale) : data;
  };
  strapi.db.lifecycles.subscribe({
    models: ['admin::permission'],
    async beforeCreate(event) {
      const params = event.params as { data: PermissionData };
      params.data = await patch(params.data);
    },
    async beforeCreateMany(event) {
      const params = event.params as { data: PermissionData[] };
      params.data = await Promise.all(params.data.map(patch));
    },
  });
};
