import { adminName, type AdminNameFields } from '../utils/admin-name';
import { CORRECTION_UID, SOURCE_ACCESS_LOG_UID } from '../utils/plugin-id';
import type { Migration } from './types';

const NAMED_RECORDS = [
  { uid: CORRECTION_UID, relation: 'issuedBy', snapshot: 'issuedByName' },
  { uid: SOURCE_ACCESS_LOG_UID, relation: 'actor', snapshot: 'actorName' },
] as const;

/**
 * Corrections and access-log entries keep the name of the admin who made them (a snapshot taken
 * at write time), so that deleting the account does not erase who issued a correction or revealed
 * a source. Rows written before the snapshot existed get it here, from the account while it still
 * exists; a row whose account is already gone keeps none. Written with the query engine: both
 * types are append-only through the Document Service, and this fills in a record of the past, it
 * does not edit one.
 */
export const snapshotAdminNames: Migration = {
  name: 'snapshot-admin-names',
  async up(strapi) {
    let changed = 0;
    for (const { uid, relation, snapshot } of NAMED_RECORDS) {
      const rows = (await strapi.db.query(uid).findMany({
        select: ['id'],
        where: { [snapshot]: null, [relation]: { id: { $notNull: true } } },
        populate: { [relation]: { select: ['firstname', 'lastname', 'username'] } },
      })) as Array<{ id: number } & Record<string, AdminNameFields | null>>;
      for (const row of rows) {
        const name = row[relation] ? adminName(row[relation]!) : null;
        if (name) {
          await strapi.db.query(uid).update({ where: { id: row.id }, data: { [snapshot]: name } });
          changed += 1;
        }
      }
    }
    return changed;
  },
};
