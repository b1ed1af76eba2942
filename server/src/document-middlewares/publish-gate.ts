import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import toPath from 'lodash/toPath';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

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
    const { documentId } = ctx.params as { documentId: string };
    const { readiness, snapshot, declaration } = await getService('readiness', {
      strapi,
    }).assess(documentId);
    const { errors: violations, warnings } = readiness;

    if (violations.length > 0) {
      const title = snapshot.draft.title;
      throw new errors.ValidationError(
        `"${title}" cannot be published: ${violations.map((v) => `${v.code} ${v.message}`).join(' ')}`,
        {
          documentId,
          violations,
          warnings,
          errors: violations.map((violation) => ({
            path: toPath(violation.path),
            message: `${violation.code}: ${violation.message}`,
            name: 'ValidationError',
          })),
        }
      );
    }

    return strapi.db.transaction(async () => {
      const result = await next();
      if (declaration && snapshot.published) {
        await getService('change-log', { strapi }).markRepublished(declaration);
      }
      return result;
    });
  };
