import { createHash } from 'crypto';

import type { TestApp } from './strapi';
import { UIDS } from './uids';

/**
 * The attributes added to the plugin's types since the previous release, with the commit that
 * added each (from `git log -p` of the schemas). The package has no release tag; the previous
 * release is taken as the schema before the publication record (09505ae, which added
 * lastPublishedAt and lastPublishedContent): its parent, 28b0833. Stories published before
 * 28b0833 had no firstPublishedAt either: `rewindToPreviousRelease` clears it on the stories named.
 */
export const ADDED_SINCE_PREVIOUS_RELEASE = [
  { uid: UIDS.story, attribute: 'lastPublishedAt', since: '09505ae' },
  { uid: UIDS.story, attribute: 'lastPublishedContent', since: '09505ae' },
  { uid: UIDS.story, attribute: 'revision', since: 'd8c4a19' },
  { uid: UIDS.sourceDocument, attribute: 'revision', since: '333fafc' },
  { uid: UIDS.confidentialSource, attribute: 'revision', since: '533a5a3' },
  { uid: UIDS.correction, attribute: 'issuedByName', since: '75d144a' },
  { uid: UIDS.sourceAccessLog, attribute: 'actorName', since: '75d144a' },
  // Issue 17: a correction bound to the draft it explains, and held until that draft is published.
  { uid: UIDS.correction, attribute: 'draftFingerprint', since: 'issue 17 (session 26)' },
  { uid: UIDS.correction, attribute: 'held', since: 'issue 17 (session 26)' },
] as const;

type StoredSchema = { tables: Array<{ name: string; columns: Array<{ name: string }> }> };
type StoredContentTypes = Record<string, { attributes: Record<string, unknown> }>;

// As Strapi's schema storage hashes a schema (@strapi/database, schema/storage).
const hashSchema = (schema: StoredSchema) =>
  createHash('sha256')
    .update(
      JSON.stringify({
        ...schema,
        tables: [...schema.tables].sort((a, b) => a.name.localeCompare(b.name)),
      })
    )
    .digest('hex');

/**
 * Turns the running app's database into one the previous release wrote, for the next boot to
 * upgrade: the columns it did not have are dropped (with their values), Strapi's records of the
 * schema it last synced (the database schema and the content types) lose them too, so the next
 * boot's sync adds them back empty as an upgrade does, and the plugin's record of migrations done,
 * which that release did not keep, is removed. Call before destroying the app.
 */
export const rewindToPreviousRelease = async (
  app: TestApp,
  { withoutFirstPublishedAt = [] }: { withoutFirstPublishedAt?: string[] } = {}
) => {
  const { strapi } = app;
  const knex = strapi.db.connection;
  const dropped = ADDED_SINCE_PREVIOUS_RELEASE.map(({ uid, attribute }) => {
    const { tableName, attributes } = strapi.db.metadata.get(uid);
    return {
      uid,
      attribute,
      tableName,
      columnName: (attributes[attribute] as { columnName: string }).columnName,
    };
  });

  if (withoutFirstPublishedAt.length > 0) {
    await strapi.db.query(UIDS.story).updateMany({
      where: { documentId: { $in: withoutFirstPublishedAt } },
      data: { firstPublishedAt: null },
    });
  }
  for (const { tableName, columnName } of dropped) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [tableName, columnName]);
  }

  const [stored] = (await knex('strapi_database_schema').select('id', 'schema')) as Array<{
    id: number;
    schema: string | StoredSchema;
  }>;
  const schema = (
    typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema
  ) as StoredSchema;
  for (const table of schema.tables) {
    table.columns = table.columns.filter(
      (column) =>
        !dropped.some((drop) => drop.tableName === table.name && drop.columnName === column.name)
    );
  }
  await knex('strapi_database_schema')
    .where({ id: stored.id })
    .update({ schema: JSON.stringify(schema), hash: hashSchema(schema) });

  const contentTypesRecord = { type: 'strapi', name: 'content_types', key: 'schema' };
  const contentTypes = (await strapi.store.get(contentTypesRecord)) as StoredContentTypes;
  for (const { uid, attribute } of dropped) {
    delete contentTypes[uid]?.attributes[attribute];
  }
  await strapi.store.set({ ...contentTypesRecord, value: contentTypes });

  // That release read stories live and kept no public snapshot: the table stays (an empty one is
  // what the next boot's sync would create), its rows go.
  await strapi.db.query(UIDS.publicStory).deleteMany({});
  await strapi.db.query(UIDS.publicCorrection).deleteMany({});

  await strapi.store.delete({ type: 'plugin', name: 'intelligence-stories', key: 'migrations' });
};
