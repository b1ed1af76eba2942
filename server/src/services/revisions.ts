import { randomUUID } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import { StaleRevisionError } from '../utils/stale-revision-error';

/**
 * Optimistic concurrency for the plugin's admin writes. Strapi itself has none (last write wins);
 * several instances behind a load balancer share only the database, so the check is a
 * compare-and-set in it: the draft row moves from the revision the editor saw to a new one, or
 * nothing happens. On PostgreSQL the row stays locked until the write's transaction ends, so a
 * concurrent save re-reads the new revision and fails instead of overwriting.
 */
const revisions = ({ strapi }: { strapi: Core.Strapi }) => ({
  fresh: () => randomUUID(),

  /**
   * Moves a document's draft from `expected` (undefined: whatever it is, for code that holds no
   * version) to a new revision, which it returns. Call inside the write's transaction.
   */
  async advance(
    uid: UID.ContentType,
    documentId: string,
    expected: string | null | undefined,
    what: string,
    /** The language version, for a localized type (Strapi i18n); each has its own revision. */
    locale?: string
  ): Promise<string> {
    const revision = randomUUID();
    const { count } = await strapi.db.query(uid).updateMany({
      where: {
        documentId,
        ...(locale ? { locale } : {}),
        // The draft row of a draft-and-publish type; a type without drafts has one row.
        ...(contentTypes.hasDraftAndPublish(strapi.getModel(uid)) ? { publishedAt: null } : {}),
        ...(expected === undefined ? {} : { revision: expected }),
      },
      data: { revision },
    });
    if (count === 0) {
      throw new StaleRevisionError(what, { documentId, revision: expected ?? null });
    }
    return revision;
  },
});

export default revisions;
