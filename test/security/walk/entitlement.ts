import { actionId, ACTIONS } from '../../../server/src/permissions';
import { can, type Caller } from './callers';
import type { Canary, CanaryClass } from './fixture';
import { PLUGIN_PREFIX } from './schemas';

const REVEAL_ROUTE = 'POST /intelligence-stories/confidential-sources/:documentId/reveal';
const REGISTER = `${PLUGIN_PREFIX}confidential-source`;
const SOURCE_MANAGER_ROUTES = [
  'GET /intelligence-stories/confidential-sources/access-log',
  'GET /intelligence-stories/confidential-sources/editors',
];

// Components are read with the type that holds them.
const HOST: Record<string, string> = {
  'intelligence-stories.anonymous-quote': `${PLUGIN_PREFIX}story`,
  'intelligence-stories.document-citation': `${PLUGIN_PREFIX}story`,
  'intelligence-stories.byline': `${PLUGIN_PREFIX}story`,
  'intelligence-stories.key-judgment': `${PLUGIN_PREFIX}source-document`,
};

/**
 * Which of the plugin's own admin permissions let an editor read a type's private values through
 * the plugin's routes (docs/permissions.md): the desk, readiness and the register for sourcing,
 * the approval queue for approvers, the access log for source managers.
 */
const PLUGIN_READERS: Record<string, string[]> = {
  [`${PLUGIN_PREFIX}story`]: [ACTIONS.readSourcing, ACTIONS.approveQuotes],
  [REGISTER]: [
    ACTIONS.readSourcing,
    ACTIONS.readConfidentialSources,
    ACTIONS.manageConfidentialSources,
  ],
  [`${PLUGIN_PREFIX}source-document`]: [ACTIONS.readSourcing],
  [`${PLUGIN_PREFIX}source-document-text`]: [ACTIONS.readSourcing],
  [`${PLUGIN_PREFIX}change-log-entry`]: [ACTIONS.readSourcing],
  // The approval queue's history of a story's decisions.
  [`${PLUGIN_PREFIX}quote-decision`]: [ACTIONS.approveQuotes],
  [`${PLUGIN_PREFIX}correction`]: [ACTIONS.readSourcing, ACTIONS.issueCorrections],
  [`${PLUGIN_PREFIX}source-access-log-entry`]: [ACTIONS.manageConfidentialSources],
};

const canAny = (caller: Caller, actions: string[]) =>
  actions.some((action) => can(caller, actionId(action as (typeof ACTIONS)[keyof typeof ACTIONS])));

/**
 * The entitlement table: whether `caller` may receive something of `canaryClass` from `route`
 * (`METHOD pattern`, as registered). Nobody ever receives a password hash, a registration or
 * reset token, an API token's hash or an `isenc:` envelope.
 */
export const isEntitled = (caller: Caller, canaryClass: CanaryClass, route: string) => {
  // Item 2 of issue 15: the register answers nobody through the Content Manager.
  const registerThroughContentManager =
    route.startsWith('GET /content-manager/collection-types/') ||
    route.startsWith('PUT /content-manager/collection-types/') ||
    route.startsWith('POST /content-manager/collection-types/');
  switch (canaryClass.kind) {
    case 'never':
      return false;
    case 'identity':
      return route === REVEAL_ROUTE && can(caller, actionId(ACTIONS.readConfidentialSources));
    case 'alias':
      // Approvers see which source a quote is from on the approvals desk.
      return canAny(caller, [...PLUGIN_READERS[REGISTER], ACTIONS.approveQuotes]);
    case 'admin-email':
      return (
        caller.adminId === canaryClass.ownerId ||
        can(caller, 'admin::users.read') ||
        // The access log names who revealed a source, by e-mail, to those who manage sources.
        (SOURCE_MANAGER_ROUTES.includes(route) &&
          can(caller, actionId(ACTIONS.manageConfidentialSources)))
      );
    case 'api-token-key':
      // Strapi shows a token's key again to those who may read tokens (when it can decrypt it).
      return can(caller, 'admin::api-tokens.read');
    case 'private': {
      const host = HOST[canaryClass.uid] ?? canaryClass.uid;
      if (host === REGISTER && registerThroughContentManager) {
        return false;
      }
      return (
        can(caller, 'plugin::content-manager.explorer.read', host) ||
        canAny(caller, PLUGIN_READERS[host] ?? [])
      );
    }
  }
};

// Shapes that are secret whatever their value: bcrypt hashes and the plugin's envelopes.
const SECRET_SHAPES: Array<{ label: string; pattern: RegExp }> = [
  { label: 'a bcrypt hash ($2a$/$2b$)', pattern: /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{20,}/ },
  { label: 'an isenc: envelope', pattern: /isenc:v\d+:[A-Za-z0-9_-]{4,}/ },
];

export type Leak = { canary: string; what: string };

/** The canaries (and secret shapes) in `text` that `caller` is not entitled to on `route`. */
export const leaksIn = (
  text: string,
  caller: Caller,
  route: string,
  canaries: Canary[]
): Leak[] => {
  const leaks: Leak[] = [];
  for (const canary of canaries) {
    if (text.includes(canary.value) && !isEntitled(caller, canary.class, route)) {
      leaks.push({ canary: canary.label, what: canary.class.kind });
    }
  }
  for (const { label, pattern } of SECRET_SHAPES) {
    if (pattern.test(text) && !leaks.some(({ what }) => what === 'never')) {
      leaks.push({ canary: label, what: 'never' });
    }
  }
  return leaks;
};
