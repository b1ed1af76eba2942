import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/**
 * The last line, behind every route Strapi registers: a response that carries a confidential-source
 * envelope or an admin account's credentials is withheld. No route should produce one (the plugin
 * reveals identities as plaintext through its logged reveal route only, and Strapi sanitizes admin
 * users out of its responses); this catches the route nobody thought of, including those a Strapi
 * upgrade adds, and says which one so that it gets fixed.
 */

const ENVELOPE = /isenc:v\d+:/;
const BCRYPT = /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/;
const CREDENTIAL_KEYS = new Set(['password', 'resetPasswordToken', 'registrationToken']);

const secretIn = (value: unknown, key?: string, depth = 0): string | null => {
  if (typeof value === 'string') {
    if (ENVELOPE.test(value)) {
      return 'a confidential-source envelope';
    }
    if (BCRYPT.test(value)) {
      return 'a password hash';
    }
    return key && CREDENTIAL_KEYS.has(key) && value !== '' ? `an admin ${key}` : null;
  }
  // Deeper than any response Strapi builds; a cycle or a pathological body is not walked further.
  if (value === null || typeof value !== 'object' || depth > 64) {
    return null;
  }
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') {
    return null;
  }
  for (const [childKey, child] of Object.entries(value)) {
    const found = secretIn(child, Array.isArray(value) ? key : childKey, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
};

export const withholdSecrets = (strapi: Core.Strapi, ctx: Context) => {
  // Objects are walked; a string body (GraphQL's JSON text, a feed) is searched as it is.
  const found = secretIn(ctx.body);
  if (!found) {
    return;
  }
  const route = ctx.state.route as { method?: string; path?: string } | undefined;
  strapi.log.error(
    `intelligence-stories: withheld the response of ${ctx.method} ${route?.path ?? ctx.path}: it held ${found}`
  );
  throw new errors.PolicyError(
    'This response was withheld: it held data that never leaves the server (confidential-source ciphertext or admin credentials).'
  );
};
