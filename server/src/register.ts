import type { Core } from '@strapi/strapi';
import camelCase from 'lodash/camelCase';
import cloneDeep from 'lodash/cloneDeep';
import upperFirst from 'lodash/upperFirst';

import components from './components';
import documentMiddlewares from './document-middlewares';
import { snapshotAdminNames } from './migrations/snapshot-admin-names';
import { voidLegacyQuoteApprovals } from './migrations/void-legacy-quote-approvals';
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

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  // Before anything can write a confidential source: production refuses to start without a key.
  getService('source-encryption', { strapi }).assertConfigured();
  for (const middleware of documentMiddlewares) {
    strapi.documents.use(middleware(strapi));
  }
  guardStrapiRoutes(strapi);
  keepOutOfGraphql(strapi);
  // Migrations of what stored rows mean, run once the database schema is in place.
  strapi
    .hook('strapi::content-types.afterSync')
    .register(() => voidLegacyQuoteApprovals({ strapi }))
    .register(() => snapshotAdminNames({ strapi }));
};

export default register;
