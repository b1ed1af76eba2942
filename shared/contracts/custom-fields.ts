import { PLUGIN_ID } from './uids';

/**
 * The plugin's custom fields, registered on the server (register.ts) and in the admin panel
 * (admin/src/custom-fields) under the same names. Each stores its underlying Strapi type, so the
 * database column and every reader of the attribute stay as they are.
 * - attestation (boolean): a checkbox with the sentence it attests, instead of a FALSE/TRUE toggle;
 * - slug (uid): the slug follows the title as it is typed, which the Content Manager's own uid
 *   input no longer does in Strapi 5 (it asks for a default once, from an empty title).
 */
export const CUSTOM_FIELDS = {
  attestation: { name: 'attestation', type: 'boolean' },
  slug: { name: 'slug', type: 'uid' },
} as const;

export const ATTESTATION_FIELD_UID = `plugin::${PLUGIN_ID}.${CUSTOM_FIELDS.attestation.name}`;
export const SLUG_FIELD_UID = `plugin::${PLUGIN_ID}.${CUSTOM_FIELDS.slug.name}`;
