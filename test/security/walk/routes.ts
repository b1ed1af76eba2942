import type { Core } from '@strapi/strapi';

import { numericIdsOf } from './fixture';
import { relationAttributes, schemaOf, walkedUids } from './schemas';

export type RegisteredRoute = { method: string; path: string };

/**
 * Routes the walk does not call, each with why. Matched against `METHOD path` as Strapi registers
 * it, so a route Strapi adds in an upgrade is walked unless it is named here.
 */
export const SKIPPED_ROUTES: Record<string, string> = {
  'POST /admin/logout': "ends the caller's admin session, which the rest of the walk uses",
  'POST /api/auth/logout': "ends the end user's session, which the rest of the walk uses",
  'DELETE /admin/users/me/sessions': 'ends every session of the caller, which the walk uses',
  'GET /admin/transfer/runner/push':
    'a WebSocket upgrade for data transfer, no HTTP answer; its tokens route is walked',
  'GET /admin/transfer/runner/pull':
    'a WebSocket upgrade for data transfer, no HTTP answer; its tokens route is walked',
  'POST /content-type-builder/content-types':
    "writes schema files into the app's source and restarts Strapi",
  'PUT /content-type-builder/content-types/:uid':
    "writes schema files into the app's source and restarts Strapi",
  'DELETE /content-type-builder/content-types/:uid':
    "deletes schema files from the app's source and restarts Strapi",
  'POST /content-type-builder/components': "writes schema files into the app's source",
  'PUT /content-type-builder/components/:uid': "writes schema files into the app's source",
  'DELETE /content-type-builder/components/:uid': "deletes schema files from the app's source",
  'PUT /content-type-builder/component-categories/:name': "rewrites the app's component files",
  'DELETE /content-type-builder/component-categories/:name': "deletes the app's component files",
  'POST /content-type-builder/update-schema': "writes the app's schema and restarts Strapi",
  'GET /admin/:path*':
    "serves the admin panel's built HTML (no admin build in tests); holds no data of its own",
  'POST /graphql': 'walked by the GraphQL pass, with queries built from its introspection',
  'GET /graphql': 'walked by the GraphQL pass (GET serves the landing page, which is off)',
};

/**
 * Strapi 5.54's own routes that answer an empty or malformed request with a 500: they hold no data
 * of the plugin's nor anyone's, and are not the plugin's to change. Their 5xx is reported, not
 * failed; a leak on them still fails the walk, and so does a listed route that stops answering 5xx
 * (the list must follow Strapi, not outlive its fixes). Anything else that answers 5xx fails.
 */
export const STRAPI_5XX_DEFECTS: Record<string, string> = {
  'GET /admin/license-trial-time-left':
    'asks the license server, which the community edition has no address for',
  'POST /admin/permissions/check': 'reads body.permissions without checking it is there',
  'PUT /admin/homepage/layout': 'reads the body without checking it is there',
  'POST /email': 'sends an e-mail with no recipient to the provider, which throws',
  'POST /api/email': 'sends an e-mail with no recipient to the provider, which throws',
  'POST /admin/webhooks/:id/trigger': 'triggers a webhook id that does not exist',
  'PUT /users-permissions/email-templates': 'reads body.email-templates without checking it',
};

/**
 * Catch-all routes (static files, the admin panel's HTML, the health check) take no parameter to
 * fill: each is called once at a representative path instead of its pattern.
 */
const CATCH_ALL_PATHS: Record<string, string> = {
  '/uploads/(.*)': '/uploads/walk.txt',
  '/((?!uploads/).+)': '/robots.txt',
  '/api/connect/(.*)': '/api/connect/github',
};

// @koa/router's layers, as `strapi.server.listRoutes()` returns them.
type Layer = { path: string; methods: string[]; opts?: { end?: boolean } };

/**
 * Every endpoint the running Strapi answers, read from its router: admin API, Content API and
 * plugin routes alike. Middleware layers (no method) are not endpoints; HEAD mirrors GET, and a
 * layer answering every method (`/_health`, `/graphql`) is one endpoint each for GET and POST.
 */
export const registeredRoutes = (strapi: Core.Strapi): RegisteredRoute[] => {
  const seen = new Set<string>();
  const routes: RegisteredRoute[] = [];
  for (const layer of strapi.server.listRoutes() as unknown as Layer[]) {
    if (layer.methods.length === 0) {
      continue;
    }
    const everyMethod = layer.methods.includes('PROPFIND');
    const methods = everyMethod ? ['GET', 'POST'] : layer.methods.filter((m) => m !== 'HEAD');
    for (const method of methods) {
      const key = `${method} ${layer.path}`;
      if (!seen.has(key)) {
        seen.add(key);
        routes.push({ method, path: layer.path });
      }
    }
  }
  return routes;
};

export type SeedIds = {
  ids: Map<string, string[]>;
  storySlug: string;
  /** Ids the walk may delete or edit: never a caller's own account, token or session. */
  overrides: Map<string, string[]>;
};

/** One concrete call of a route: its parameters filled, and the schema its answer is about. */
export type FilledRoute = {
  route: RegisteredRoute;
  path: string;
  /** The schema whose fields, relations and filters the variants push, when one is known. */
  subject?: string;
};

const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);

/**
 * The content type a path is about when no `:model` says so (`/admin/users` → admin::user,
 * `/intelligence-stories/confidential-sources` → the register), by the types' plural names.
 */
export const guessSubject = (strapi: Core.Strapi, path: string) => {
  const segments = path.split('/');
  const candidates = Object.entries(strapi.contentTypes).filter(([, schema]) =>
    segments.includes(schema.info.pluralName)
  );
  const prefer = path.startsWith('/admin/')
    ? 'admin::'
    : path.includes('intelligence-stories')
      ? 'plugin::intelligence-stories.'
      : path.startsWith('/upload')
        ? 'plugin::upload.'
        : path.includes('users')
          ? 'plugin::users-permissions.'
          : 'api::';
  return (candidates.find(([uid]) => uid.startsWith(prefer)) ?? candidates[0])?.[0];
};

const MAX_IDS_PER_PARAM = 1;

/**
 * Fills a route's path parameters from the seeded data: a schema parameter with every walked uid,
 * `:targetField` with every relation of that schema (those inside components included), an id
 * with seeded ids of the matching type.
 */
export const fillRoute = (
  strapi: Core.Strapi,
  route: RegisteredRoute,
  seed: SeedIds
): FilledRoute[] => {
  if (CATCH_ALL_PATHS[route.path]) {
    return [{ route, path: CATCH_ALL_PATHS[route.path] }];
  }
  const names = paramNames(route.path);
  const schemaParam = names.find((name) => ['model', 'uid', 'contentType'].includes(name));
  const subjects = schemaParam ? walkedUids(strapi) : [guessSubject(strapi, route.path)];

  return subjects.flatMap((subject) => {
    let partial: Array<{ path: string; subject?: string }> = [{ path: route.path, subject }];
    for (const name of names) {
      partial = partial.flatMap(({ path, subject: current }) => {
        const replace = (value: string, next = current) => ({
          path: path.replace(`:${name}`, encodeURIComponent(value)),
          subject: next,
        });
        if (name === schemaParam) {
          return [replace(current ?? '')];
        }
        if (name === 'targetField') {
          return relationAttributes(strapi, current ?? '').map(({ name: field, target }) =>
            replace(field, target)
          );
        }
        if (name === 'slugOrDocumentId') {
          return [
            replace(seed.storySlug),
            replace(seed.ids.get('plugin::intelligence-stories.story')![0]),
          ];
        }
        if (name === 'quoteIndex') {
          return [replace('0')];
        }
        if (name === 'provider') {
          return [replace('local')];
        }
        if (name === 'name') {
          return [replace('intelligence-stories')];
        }
        if (['id', 'documentId', 'sourceId', 'role', 'sessionId'].includes(name)) {
          // The admin's own API, users-permissions, upload and i18n take row ids; the Content
          // Manager and the Content API take documentIds.
          const byRowId =
            name !== 'documentId' && !/^\/(content-manager|api\/(?!users))/.test(route.path);
          const own = current
            ? (seed.overrides.get(current) ??
              seed.ids.get(byRowId ? numericIdsOf(current) : current) ??
              [])
            : [];
          const values = own.length > 0 ? own.slice(0, MAX_IDS_PER_PARAM) : ['1'];
          return values.map((value) => replace(value));
        }
        return [replace('1')];
      });
    }
    return partial.map(({ path, subject: final }) => ({
      route,
      path,
      subject: final && schemaOf(strapi, final) ? final : undefined,
    }));
  });
};
