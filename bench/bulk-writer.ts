import type { Core } from '@strapi/strapi';

/**
 * Writes documents straight into the tables the models declare, in batches, as Strapi itself
 * stores them: the Document Service (with the plugin's validation and publish gate) takes about a
 * second per story, far too slow for 10,000. Table and column names come from strapi.db.metadata,
 * so the rows follow the models rather than a copy of them. What it knows of Strapi 5's storage:
 *
 * - a published document is two rows with the same document_id: the draft (published_at null)
 *   and the published version, each with its own component rows and relations; relations of
 *   the published version point at published targets, the draft's at drafts;
 * - a type without draft and publish is one row, with published_at set; its relations to a
 *   type with draft and publish link both versions of the target;
 * - components are rows of their own table, tied to their owner by the `<table>_cmps` join
 *   table (entity_id, cmp_id, component_type, field, order);
 * - relations are link tables (`*_lnk`) with optional order columns.
 *
 * Ids are assigned here (from the table's current maximum) so a batch is plain multi-row inserts.
 */

type Row = Record<string, unknown>;

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  on?: { field: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
};

type MetaAttribute = {
  type: string;
  columnName?: string;
  relation?: string;
  target?: string;
  joinTable?: JoinTable;
  mappedBy?: string;
};

/** A value for a relation: the target row ids, in order (with their order in the target's list). */
export type LinkTo = { ids: number[]; inverseOrder?: number };

export type EntityData = Record<string, unknown>;

const BATCH_ROWS = 500;

export const createBulkWriter = (strapi: Core.Strapi) => {
  const rows = new Map<string, Row[]>();
  const joinTables = new Set<string>();
  const nextIds = new Map<string, number>();
  let written = 0;

  const meta = (uid: string) =>
    strapi.db.metadata.get(uid) as unknown as {
      tableName: string;
      attributes: Record<string, MetaAttribute>;
    };

  const pushLink = (table: string, row: Row) => {
    joinTables.add(table);
    push(table, row);
  };

  const push = (table: string, row: Row) => {
    const list = rows.get(table) ?? [];
    list.push(row);
    rows.set(table, list);
  };

  const nextId = (table: string) => {
    const id = nextIds.get(table);
    if (id === undefined) {
      throw new Error(`bulk writer: ${table} was not prepared`);
    }
    nextIds.set(table, id + 1);
    return id;
  };

  /** Tables whose ids this writer assigns: every type and component it may write. */
  const prepare = async (uids: string[]) => {
    const tables = new Set<string>();
    const visit = (uid: string) => {
      const { tableName, attributes } = meta(uid);
      if (tables.has(tableName)) {
        return;
      }
      tables.add(tableName);
      for (const attribute of Object.values(attributes)) {
        if (attribute.joinTable) {
          tables.add(attribute.joinTable.name);
          if (attribute.joinTable.on && attribute.target) {
            visit(attribute.target);
          }
        }
      }
    };
    uids.forEach(visit);
    for (const table of tables) {
      const [{ max }] = await strapi.db.connection(table).max({ max: 'id' });
      nextIds.set(table, Number(max ?? 0) + 1);
    }
  };

  const toColumnValue = (attribute: MetaAttribute, value: unknown) => {
    if (value === undefined || value === null) {
      return null;
    }
    if (attribute.type === 'json' || attribute.type === 'blocks') {
      return JSON.stringify(value);
    }
    return value;
  };

  /**
   * Queues one row of `uid` and everything it owns, and returns its id. `data` holds attribute
   * values; components as arrays of their own data; relations as `LinkTo` (row ids).
   */
  const entity = (uid: string, data: EntityData): number => {
    const { tableName, attributes } = meta(uid);
    const id = nextId(tableName);
    const row: Row = { id };
    for (const [name, attribute] of Object.entries(attributes)) {
      const value = data[name];
      if (attribute.columnName && name !== 'id') {
        row[attribute.columnName] = toColumnValue(attribute, value);
        continue;
      }
      const join = attribute.joinTable;
      if (!join || value === undefined || attribute.mappedBy) {
        continue;
      }
      if (join.on && attribute.target) {
        // A component field: each item is a row of the component's table plus a _cmps link.
        (value as EntityData[]).forEach((item, index) => {
          pushLink(join.name, {
            id: nextId(join.name),
            [join.joinColumn.name]: id,
            [join.inverseJoinColumn.name]: entity(attribute.target!, item),
            component_type: attribute.target,
            field: join.on!.field,
            [join.orderColumnName ?? 'order']: index + 1,
          });
        });
        continue;
      }
      const link = value as LinkTo;
      link.ids.forEach((targetId, index) => {
        const linkRow: Row = {
          id: nextId(join.name),
          [join.joinColumn.name]: id,
          [join.inverseJoinColumn.name]: targetId,
        };
        if (join.orderColumnName) {
          linkRow[join.orderColumnName] = index + 1;
        }
        if (join.inverseOrderColumnName) {
          linkRow[join.inverseOrderColumnName] = link.inverseOrder ?? 1;
        }
        pushLink(join.name, linkRow);
      });
    }
    push(tableName, row);
    return id;
  };

  /** Writes everything queued, in one transaction, in multi-row inserts. */
  const flush = async () => {
    // Link tables last: their foreign keys need the rows they join.
    const queued = [...rows.entries()].sort(
      ([a], [b]) => Number(joinTables.has(a)) - Number(joinTables.has(b))
    );
    rows.clear();
    await strapi.db.connection.transaction(async (trx) => {
      for (const [table, list] of queued) {
        for (let start = 0; start < list.length; start += BATCH_ROWS) {
          await trx(table).insert(list.slice(start, start + BATCH_ROWS));
        }
        written += list.length;
      }
    });
  };

  /**
   * PostgreSQL's sequences do not move with explicit ids: set them past the rows written, so
   * later inserts through Strapi (the publish bench) get fresh ids.
   */
  const finish = async () => {
    if (strapi.db.dialect.client !== 'postgres') {
      return;
    }
    for (const table of nextIds.keys()) {
      await strapi.db.connection.raw(
        `SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST((SELECT MAX(id) FROM ??), 1))`,
        [table, table]
      );
    }
  };

  return { prepare, entity, flush, finish, written: () => written };
};

export type BulkWriter = ReturnType<typeof createBulkWriter>;
