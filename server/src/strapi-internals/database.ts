import type { Core, UID } from '@strapi/strapi';

/** The database clients the plugin is tested on and supports. */
export const SUPPORTED_DATABASE_CLIENTS = ['sqlite', 'postgres'] as const;
export type SupportedDatabaseClient = (typeof SUPPORTED_DATABASE_CLIENTS)[number];

/**
 * Strapi internal (checked against @strapi/database 5.54.0): the dialect of the app's database,
 * `strapi.db.dialect.client` ('sqlite', 'postgres', or 'mysql' for MySQL and MariaDB alike).
 */
export const databaseClient = (strapi: Core.Strapi): string => strapi.db.dialect.client;

/**
 * Why the plugin refuses a client it does not support, or null for one it does. Raw SQL written for
 * SQLite and PostgreSQL only: the source-document text search reads PDF pages with SQLite's
 * `json_each` or PostgreSQL's full-text search (services/document-text.ts), and key rotation
 * compacts storage with their VACUUM (services/confidential-sources.ts).
 */
export const unsupportedDatabaseReason = (client: string): string | null =>
  (SUPPORTED_DATABASE_CLIENTS as readonly string[]).includes(client)
    ? null
    : `intelligence-stories: this app's database client is "${client}"${client === 'mysql' ? ' (MySQL or MariaDB)' : ''}, which the plugin does not support. It supports SQLite ("sqlite") and PostgreSQL ("postgres"), the databases it is tested on: its SQL for searching source documents' text uses SQLite's json_each and PostgreSQL's full-text search, and rotating the encryption key compacts storage with their VACUUM. Use one of them in config/database, or disable the plugin in config/plugins.`;

/** Stops the boot on a database the plugin does not support, before anything is written to it. */
export const assertSupportedDatabase = (strapi: Core.Strapi) => {
  const reason = unsupportedDatabaseReason(databaseClient(strapi));
  if (reason) {
    throw new Error(reason);
  }
};

/**
 * Strapi internal (checked against @strapi/database 5.54.0): the table and column names Strapi
 * gave a model, from `strapi.db.metadata.get(uid)` (`tableName`, `attributes[name].columnName`),
 * for the few queries written with knex (services/correction-feed.ts, document-text.ts).
 */
export const tableName = (strapi: Core.Strapi, uid: UID.Schema): string =>
  strapi.db.metadata.get(uid).tableName;

export const columnName = (strapi: Core.Strapi, uid: UID.Schema, attribute: string): string => {
  const column = (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string })
    ?.columnName;
  if (!column) {
    throw new Error(
      `intelligence-stories: Strapi's metadata gives no column for ${uid}.${attribute} (a Strapi internal this plugin relies on; see docs/architecture.md)`
    );
  }
  return column;
};

/**
 * Strapi internal (checked against @strapi/database 5.54.0): the app's knex instance,
 * `strapi.db.connection`, for SQL the query engine cannot express. Unlike the query engine and the
 * Document Service, it does not join a transaction opened with `strapi.db.transaction`.
 */
export const knexOf = (strapi: Core.Strapi) => strapi.db.connection;
