import type { Core } from '@strapi/strapi';

import type { SourceAccessAction, SourceAccessLogEntry } from '../types/content-types';
import { adminName, currentAdminName } from '../utils/admin-name';
import { SOURCE_ACCESS_LOG_UID } from '../utils/plugin-id';

export type Actor = { id: number; email?: string } | null;

/**
 * The append-only record of who revealed, created or changed a confidential source: which source,
 * which fields, when. It names fields, never their values, so the log itself reveals nothing.
 */
const sourceAccessLog = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(
    action: SourceAccessAction,
    source: { documentId: string; alias?: string | null },
    fields: readonly string[],
    actor: Actor
  ) {
    await strapi.documents(SOURCE_ACCESS_LOG_UID).create({
      data: {
        action,
        sourceDocumentId: source.documentId,
        sourceAlias: source.alias ?? undefined,
        fields: [...fields],
        actor: actor?.id ?? null,
        // Kept as text too, so the entry still says who after the admin account is deleted.
        actorEmail: actor?.email ?? undefined,
        actorName: (await currentAdminName(strapi, actor?.id)) ?? undefined,
        at: new Date().toISOString(),
      },
    });
  },

  async list({
    sourceDocumentId,
    page,
    pageSize,
  }: {
    sourceDocumentId?: string;
    page: number;
    pageSize: number;
  }) {
    const filters = sourceDocumentId ? { sourceDocumentId } : {};
    const documents = strapi.documents(SOURCE_ACCESS_LOG_UID);
    const [entries, total] = await Promise.all([
      documents.findMany({
        filters,
        sort: [{ at: 'desc' }, { id: 'desc' }],
        populate: { actor: { fields: ['firstname', 'lastname', 'username'] } },
        start: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<SourceAccessLogEntry[]>,
      documents.count({ filters }),
    ]);
    return {
      results: entries.map(
        ({
          action,
          sourceDocumentId: source,
          sourceAlias,
          fields,
          at,
          actor,
          actorEmail,
          actorName,
        }) => ({
          action,
          sourceDocumentId: source,
          sourceAlias: sourceAlias ?? null,
          fields: fields ?? [],
          at,
          // null for the key rotation, which no admin performs.
          actor:
            actor || actorEmail || actorName
              ? {
                  id: actor?.id ?? null,
                  firstname: actor?.firstname ?? null,
                  lastname: actor?.lastname ?? null,
                  // The account's current name, or the one kept at the time once it is deleted.
                  name: (actor && adminName(actor)) || actorName || null,
                  email: actorEmail ?? null,
                }
              : null,
        })
      ),
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },
});

export default sourceAccessLog;
