import type { Core } from '@strapi/strapi';

import components from './components';
import { registerCustomFields } from './custom-fields';
import documentMiddlewares from './document-middlewares';
import { registerGraphqlQueries } from './graphql';
import { runMigrations } from './migrations/run';
import { getService } from './utils/get-service';
import { guardStrapiRoutes } from './route-guards';
import { registerPluginComponent } from './strapi-internals/components';
import { assertSupportedDatabase } from './strapi-internals/database';
import { afterSchemaSync } from './strapi-internals/schema-sync';
import { keepOutOfGraphql } from './utils/keep-out-of-graphql';
import { COMPONENT_CATEGORY } from './utils/plugin-id';

/** Strapi loads components only from the app's src/components: the plugin adds its own. */
const registerComponents = (strapi: Core.Strapi) => {
  for (const [name, schema] of Object.entries(components)) {
    registerPluginComponent(strapi, COMPONENT_CATEGORY, name, schema);
  }
};

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the schema sync would create the plugin's tables in a database it cannot serve.
  assertSupportedDatabase(strapi);
  registerComponents(strapi);
  registerCustomFields(strapi);
  // Before anything can write a confidential source: production refuses to start without a key.
  getService('source-encryption', { strapi }).assertConfigured();
  for (const middleware of documentMiddlewares) {
    strapi.documents.use(middleware(strapi));
  }
  guardStrapiRoutes(strapi);
  keepOutOfGraphql(strapi);
  registerGraphqlQueries(strapi);
  // Data migrations (migrations/index.ts), each once per database, after the schema is in place.
  afterSchemaSync(strapi, () => runMigrations(strapi));
};

export default register;
