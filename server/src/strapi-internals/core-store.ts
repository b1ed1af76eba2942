import type { Core, UID } from '@strapi/strapi';

import { columnName, tableName } from './database';

// A model of Strapi's own, not a content type: outside the app's generated schema uids.
const CORE_STORE_UID = 'strapi::core-store' as UID.Schema;

/**
 * Strapi internal (checked against @strapi/core 5.54.0, services/core-store): `strapi.store`
 * keeps each value in the core store's table under the key `${type}_${name}_${key}`, with no
 * environment or tag, its JSON in `value`. A read that wants one of the plugin's stored values in
 * the same statement as its own rows (the feeds: their page and the unpublish marker in one
 * query) selects it with this subquery and parses it with `parseStoredObject`.
 */
export const pluginStoreValueQuery = (strapi: Core.Strapi, pluginId: string, key: string) => {
  const value = columnName(strapi, CORE_STORE_UID, 'value');
  return strapi.db
    .connection(tableName(strapi, CORE_STORE_UID))
    .select(value)
    .where(columnName(strapi, CORE_STORE_UID, 'key'), `plugin_${pluginId}_${key}`)
    .whereNull(columnName(strapi, CORE_STORE_UID, 'environment'))
    .whereNull(columnName(strapi, CORE_STORE_UID, 'tag'))
    .limit(1);
};

/** A stored object as `store.get` returns it; null for none or one that is not JSON. */
export const parseStoredObject = <T>(value: unknown): T | null => {
  if (typeof value !== 'string') {
    return null;
  }
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
};
