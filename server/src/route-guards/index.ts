import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { bulkPublishGate } from '../middlewares/bulk-publish-gate';
import { screenContentManagerBody } from '../middlewares/content-manager-bodies';
import { beforeEachRouteIsMounted, type RegisteredRoute } from '../strapi-internals/server-routes';
import { PLUGIN_ID } from '../utils/plugin-id';
import { hideAdminEmails } from './admin-emails';
import { BULK_FIND_FOR_VALIDATION, refuseUnreadableBulkRead } from './bulk-reads';
import { refuseMisdirectedAction } from './content-manager-actions';
import { keepRegisterOutOfContentManager } from './content-manager-subjects';
import { withholdSecrets } from './egress';
import { pathIntoRegister } from './register-queries';
import { namesRegisterType } from './register-types';
import { guardRelationRoute, isRelationRoute } from './relation-routes';

type Route = RegisteredRoute;

const isOwnPublicRoute = (route: Route, routerType?: string) =>
  route.info?.pluginName === PLUGIN_ID && (routerType ?? route.info?.type) === 'content-api';

/**
 * One guard on every route the running Strapi registers (admin, Content API, other plugins',
 * GraphQL, and whatever an upgrade adds), in front of its handler and after its authentication
 * and policies:
 * - no route but the plugin's own may name a register type (confidential sources, their access
 *   log), in its path, its query or its body;
 * - no query reaches the register through a relation either, as filters, sort or populate
 *   (./register-queries);
 * - the Content Manager's relation routes answer only their picker's query (./relation-routes);
 *   its draft actions on types without drafts and its single-type routes on collection types are
 *   refused (./content-manager-actions); its bulk read for the publish dialog answers only
 *   documents the user may read, conditions included (./bulk-reads); its answers keep admin users'
 *   e-mails for those who may read admin users (./admin-emails);
 * - a response holding ciphertext or admin credentials is withheld (./egress).
 * The plugin's own public routes are left out of the response scan only: they answer from
 * allow-lists, and the leak suite probes them.
 */
const guardFor = (strapi: Core.Strapi, route: Route, routerType?: string) => {
  const ownRoute = route.info?.pluginName === PLUGIN_ID;
  const contentManager =
    route.info?.pluginName === 'content-manager' && typeof route.handler === 'string'
      ? route.handler
      : null;
  const relations = isRelationRoute(route) ? guardRelationRoute(strapi) : null;
  const scanResponse = !isOwnPublicRoute(route, routerType);
  return async (ctx: Context, next: Next) => {
    const { body } = ctx.request as { body?: unknown };
    if (!ownRoute && [ctx.params, ctx.query, body].some((values) => namesRegisterType(values))) {
      throw new errors.PolicyError(
        'Confidential sources and their access log are served only by the Intelligence stories register (Plugins → Source register).'
      );
    }
    const { model } = (ctx.params ?? {}) as { model?: string };
    if (model && !ownRoute) {
      const reached = await pathIntoRegister(strapi, model, ctx.query);
      if (reached) {
        throw new errors.PolicyError(
          `The query reaches the confidential-source register through ${reached}; it answers only the Intelligence stories register's routes.`
        );
      }
    }
    if (contentManager && model) {
      refuseMisdirectedAction(strapi, contentManager, model);
      if (contentManager === BULK_FIND_FOR_VALIDATION) {
        await refuseUnreadableBulkRead(strapi, ctx, model);
      }
    }
    await (relations ? relations(ctx, next) : next());
    // A relation route answers the target's rows, projected by ./relation-routes.
    if (contentManager && model && !relations) {
      await hideAdminEmails(strapi, ctx, model);
    }
    if (scanResponse) {
      withholdSecrets(strapi, ctx);
    }
  };
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const BULK_PUBLISH = 'collection-types.bulkPublish';

const isContentManagerAdminRoute = (route: Route, routerType?: string) =>
  route.info?.pluginName === 'content-manager' && (routerType ?? route.info?.type) === 'admin';

// The apps whose Content Manager bulk publish route passed here; checked at bootstrap.
const bulkPublishGuarded = new WeakSet<Core.Strapi>();

/**
 * Every middleware the plugin puts on a route, in the order they run: the guard first; for the
 * Content Manager's routes that read a body, its screening before the Content Manager reads it;
 * the route's own middlewares; and on its bulk publish, the check of the whole selection just
 * before the handler publishes any of it.
 */
const withGuard = (strapi: Core.Strapi, route: Route, routerType?: string): Route => {
  // `info` is filled by Strapi's route registration before the route reaches the server.
  const contentManager = isContentManagerAdminRoute(route, routerType);
  const bulkPublish = contentManager && route.handler === BULK_PUBLISH;
  if (bulkPublish) {
    bulkPublishGuarded.add(strapi);
  }
  route.config = {
    ...route.config,
    middlewares: [
      guardFor(strapi, route, routerType),
      ...(contentManager && BODY_METHODS.has(route.method ?? '')
        ? [screenContentManagerBody(strapi)]
        : []),
      ...(route.config?.middlewares ?? []),
      ...(bulkPublish ? [bulkPublishGate(strapi)] : []),
    ],
  };
  return route;
};

export const guardStrapiRoutes = (strapi: Core.Strapi) => {
  keepRegisterOutOfContentManager(strapi);
  beforeEachRouteIsMounted(strapi, (route, routerType) => withGuard(strapi, route, routerType));
};

/**
 * Strapi registers its routes between the plugins' register and bootstrap: by bootstrap, the bulk
 * publish must have been guarded, or an upgrade renamed it and bulk publishes would skip the
 * whole-selection check.
 */
export const assertRoutesGuarded = (strapi: Core.Strapi) => {
  if (!bulkPublishGuarded.has(strapi)) {
    throw new Error(
      `intelligence-stories: the Content Manager's bulk publish route (handler "${BULK_PUBLISH}") was not found; this Strapi version is not supported`
    );
  }
};
