import type { Core, Modules } from '@strapi/strapi';

import { rememberAssessedDraft } from '../utils/assessed-drafts';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { publishRefusedError } from '../utils/publish-refusal';

/**
 * The sourcing rules, enforced where every publish passes: the Content Manager's publish and bulk
 * publish, content releases and code all call the Document Service's `publish`. Modelled on
 * review-workflows' stage check before publish.
 */
export const enforceSourcingRules =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID || ctx.action !== 'publish') {
      return next();
    }
    // With every rule 'off' there is nothing to check: such a site pays nothing for the gate.
    if (Object.values(getConfig(strapi).rules).every((level) => level === 'off')) {
      return next();
    }
    const { documentId } = ctx.params as { documentId: string };

    // Checked inside the publish's own transaction, so the verdict and the publish see one state.
    return strapi.db.transaction(async () => {
      const { readiness, snapshot, declaration } = await getService('readiness', {
        strapi,
      }).assess(documentId);
      if (readiness.errors.length > 0) {
        throw publishRefusedError([
          {
            documentId,
            title: snapshot.draft.title,
            violations: readiness.errors,
            warnings: readiness.warnings,
          },
        ]);
      }

      // Recording the publication (next) needs this same draft: it need not read it again.
      rememberAssessedDraft(ctx, snapshot.draft);
      const result = await next();
      if (declaration) {
        await getService('change-log', { strapi }).markRepublished(declaration);
      }
      return result;
    });
  };
