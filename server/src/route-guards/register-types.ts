import { CONFIDENTIAL_SOURCE_UID, SOURCE_ACCESS_LOG_UID } from '../utils/plugin-id';

/**
 * The register: who the sources are and who looked. These types are served by the plugin's own
 * register routes and by nothing else Strapi registers, whoever asks (super admins included): the
 * generic routes (Content Manager, history, Content-Type Builder…) would hand out ciphertext and
 * the admin accounts linked to it, without the reveal route's log.
 */
export const REGISTER_UIDS: readonly string[] = [CONFIDENTIAL_SOURCE_UID, SOURCE_ACCESS_LOG_UID];

export const isRegisterUid = (value: unknown) =>
  typeof value === 'string' && REGISTER_UIDS.includes(value);

/**
 * True when a route parameter, a query value or a request body names a register type. Walked to
 * a bounded depth: a request nested deeper than any Strapi query is refused by its own parser.
 */
export const namesRegisterType = (values: unknown, depth = 0): boolean => {
  if (isRegisterUid(values)) {
    return true;
  }
  if (values && typeof values === 'object' && depth < 32) {
    return Object.values(values).some((value) => namesRegisterType(value, depth + 1));
  }
  return false;
};
