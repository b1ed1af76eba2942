import type { Core } from '@strapi/strapi';
import camelCase from 'lodash/camelCase';
import cloneDeep from 'lodash/cloneDeep';
import upperFirst from 'lodash/upperFirst';

import components from './components';
import documentMiddlewares from './document-middlewares';
import { runMigrations } from './migrations/run';
import { bulkPublishGate } from './middlewares/bulk-publish-gate';
import { screenContentManagerBody } from './middlewares/content-manager-bodies';
import { getService } from './utils/get-service';
import { guardStrapiRoutes } from './route-guards';
import { keepOutOfGraphql } from './utils/keep-out-of-graphql';
import { COMPONENT_CATEGORY } from './utils/plugin-id';

/**
 * Strapi loads components only from the app's own src/components, so the plugin adds its own to the
 * registry here, in the shape Strapi's component loader gives them, before the database schema is
 * built from the models in bootstrap.
 */
const registerComponents = (strapi: Core.Strapi) => {
  const registry = strapi.get('components');
  for (const [name, schema] of Object.entries(components)) {
    const uid = `${COMPONENT_CATEGORY}.${name}`;
    registry.set(uid, {
      ...cloneDeep(schema),
      __schema__: cloneDeep(schema),
      uid,
      category: COMPONENT_CATEGORY,
      modelType: 'component',
      modelName: name,
      globalId: upperFirst(camelCase(`component_${uid}`)),
    });
  }
};

type RouteList = {
  routes: Array<{ method: string; handler: string; config?: { middlewares?: unknown[] } }>;
};

/** Checks a Content Manager bulk publish of stories as a whole, before any of them is published. */
const guardBulkPublish = (strapi: Core.Strapi) => {
  const { admin } = strapi.plugin('content-manager').routes as unknown as { admin: RouteList };
  const route = admin.routes.find(({ handler }) => handler === 'collection-types.bulkPublish');
  if (!route) {
    throw new Error('intelligence-stories: the Content Manager bulk publish route was not found');
  }
  route.config = {
    ...route.config,
    middlewares: [...(route.config?.middlewares ?? []), bulkPublishGate(strapi)],
  };
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Screens the bodies of the Content Manager's writes of the plugin's types before it reads them. */
const guardContentManagerBodies = (strapi: Core.Strapi) => {
  const { admin } = strapi.plugin('content-manager').routes as unknown as { admin: RouteList };
  for (const route of admin.routes.filter(({ method }) => BODY_METHODS.has(method))) {
    route.config = {
      ...route.config,
      middlewares: [screenContentManagerBody(strapi), ...(route.config?.middlewares ?? [])],
    };
  }
};

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  // Before anything can write a confidential source: production refuses to start without a key.
  getService('source-encryption', { strapi }).assertConfigured();
  for (const middleware of documentMiddlewares) {
    strapi.documents.use(middleware(strapi));
  }
  guardBulkPublish(strapi);
  guardContentManagerBodies(strapi);
  guardStrapiRoutes(strapi);
  keepOutOfGraphql(strapi);
  // Data migrations (migrations/index.ts), each once per database, after the schema is in place.
  strapi.hook('strapi::content-types.afterSync').register(() => runMigrations(strapi));
};

export default register;
