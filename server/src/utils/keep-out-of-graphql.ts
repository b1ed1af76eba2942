import type { Core } from '@strapi/strapi';

import components from '../components';
import contentTypes from '../content-types';
import { COMPONENT_CATEGORY, PLUGIN_ID } from './plugin-id';

type ShadowCrud = (uid: string) => { disable(): unknown };

/**
 * When an app also runs @strapi/plugin-graphql, its generated schema ("shadow CRUD") would serve
 * every type of this plugin through generic resolvers: drafts through `status: DRAFT`, filters on
 * the quote's link to its source, a schema that names the confidential types. The action it checks
 * (`plugin::intelligence-stories.story.find`) is the very one a site grants for the REST routes,
 * so opening the REST API would open that too. None of its types or components is generated here;
 * what GraphQL serves of the plugin is its own read-only queries (graphql/index.ts), which answer
 * published, public fields only, through the same services as the REST routes.
 */
export const keepOutOfGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) {
    return;
  }
  const shadowCRUD = graphql.service('extension').shadowCRUD as ShadowCrud;
  for (const name of Object.keys(contentTypes)) {
    shadowCRUD(`plugin::${PLUGIN_ID}.${name}`).disable();
  }
  for (const name of Object.keys(components)) {
    shadowCRUD(`${COMPONENT_CATEGORY}.${name}`).disable();
  }
};
