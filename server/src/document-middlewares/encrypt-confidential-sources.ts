import { randomBytes } from 'crypto';

import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';

/**
 * A documentId in the shape Strapi gives them (cuid2: 24 lowercase letters and digits, the first a
 * letter). The Document Service keeps a documentId it is given on create, after checking that no
 * entry already has it.
 */
const newDocumentId = () => {
  const digits = [...randomBytes(24)].map((byte) => (byte % 36).toString(36));
  digits[0] = String.fromCharCode(97 + (randomBytes(1)[0] % 26));
  return digits.join('');
};

/**
 * Every write of a confidential source, whichever path it takes (Content Manager, the plugin's
 * admin routes, code, the seed), is encrypted here just before it reaches the database, so no
 * caller can store an identity in plain text. It runs after validation, which checks the lengths
 * the editor typed, not the ciphertext's.
 *
 * Each value is bound to its source's documentId, which on create does not exist yet: Strapi would
 * generate it in the database layer, after this middleware. So the documentId is chosen here and
 * handed to Strapi with the data. A clone would copy ciphertext bound to the original onto a new
 * documentId chosen inside Strapi, where it could never be read: it is refused.
 */
export const encryptConfidentialSources =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== CONFIDENTIAL_SOURCE_UID) {
      return next();
    }
    if (ctx.action === 'clone') {
      throw new errors.ApplicationError(
        'A confidential source cannot be cloned: its encrypted fields are bound to it. Create a new source instead.'
      );
    }
    if (ctx.action !== 'create' && ctx.action !== 'update') {
      return next();
    }
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data ?? {};
    let documentId = params.documentId;
    if (ctx.action === 'create') {
      documentId = typeof data.documentId === 'string' ? data.documentId : newDocumentId();
      data.documentId = documentId;
    }
    if (!documentId) {
      // An update naming no document writes nothing; Strapi answers it as it always does.
      return next();
    }
    params.data = await getService('source-encryption', { strapi }).encryptFields(data, documentId);
    return next();
  };
