import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { CORRECTION_UID, STORY_UID } from '../utils/plugin-id';

const CHANGES = new Set(['update', 'delete']);

/**
 * A correction, once issued, is permanent and public: no caller may edit or delete one (a wrong
 * correction is superseded by a new one that points to it), and a story that carries corrections
 * cannot be deleted (it is retracted: a retraction correction, then unpublish).
 *
 * PolicyError, not ForbiddenError: Strapi replaces a ForbiddenError's message with "Forbidden" on
 * its routes, and the editor needs to read why.
 */
export const keepCorrectionsAppendOnly =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid === CORRECTION_UID && CHANGES.has(ctx.action)) {
      throw new errors.PolicyError(
        'Corrections are append-only: once issued, a correction cannot be edited or deleted. Issue a new correction that supersedes it.'
      );
    }
    if (ctx.uid === STORY_UID && ctx.action === 'delete') {
      const { documentId } = ctx.params as { documentId: string };
      const corrections = await strapi
        .documents(CORRECTION_UID)
        .count({ filters: { storyDocumentId: documentId } });
      if (corrections > 0) {
        throw new errors.PolicyError(
          `This story carries ${corrections} correction(s) and cannot be deleted. Retract it instead: issue a retraction, then unpublish it.`
        );
      }
    }
    return next();
  };
