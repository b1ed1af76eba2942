import type { Core, UID } from '@strapi/strapi';
import { validateYupSchema, type yup } from '@strapi/utils';

import { normalizeStringsToNFC } from '../utils/json-walk';
import { buildListLimitsSchema } from '../validation/list-limits';

/**
 * The cheap checks every write of the plugin's types passes first: list sizes against their caps,
 * then every string to NFC, so that what is validated, fingerprinted and stored is one spelling.
 */
const inputLimits = ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas = new Map<UID.Schema, yup.AnySchema>();

  const limitsSchema = (uid: UID.Schema) => {
    if (!schemas.has(uid)) {
      schemas.set(uid, buildListLimitsSchema(strapi, strapi.getModel(uid)));
    }
    return schemas.get(uid)!;
  };

  return {
    /** 400 naming the first list over its cap; stops there without looking at any item. */
    async assertWithinLimits(uid: UID.Schema, data: unknown) {
      await validateYupSchema(limitsSchema(uid), { abortEarly: true })(data ?? {});
    },

    normalize: normalizeStringsToNFC,
  };
};

export default inputLimits;
