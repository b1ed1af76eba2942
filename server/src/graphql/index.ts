import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../utils/plugin-id';
import { publicQueryResolvers, type PublicQueryName } from './resolvers';
import { typeDefs } from './schema';

/**
 * Each query is guarded by the Content API action of the REST route it mirrors
 * (routes/content-api.ts), so a site that opens a route to a role or an API token opens its query
 * and nothing more: users-permissions checks the role's permissions, a read-only token passes only
 * `find`/`findOne` (the JSON-LD query, like its route, needs a custom or full-access token).
 */
export const QUERY_ACTIONS: Record<PublicQueryName, string> = {
  intelligenceStories: `plugin::${PLUGIN_ID}.story.find`,
  intelligenceStory: `plugin::${PLUGIN_ID}.story.findOne`,
  intelligenceStoryJsonLd: `plugin::${PLUGIN_ID}.story.jsonld`,
  intelligenceSourceDocuments: `plugin::${PLUGIN_ID}.source-document.find`,
  intelligenceSourceDocument: `plugin::${PLUGIN_ID}.source-document.findOne`,
  intelligenceCorrections: `plugin::${PLUGIN_ID}.correction.find`,
};

type Extension = {
  use(configuration: {
    typeDefs: string;
    resolvers: { Query: ReturnType<typeof publicQueryResolvers> };
    resolversConfig: Record<string, { auth: { scope: string[] } }>;
  }): unknown;
};

/**
 * With @strapi/plugin-graphql installed, adds the plugin's read-only queries to the app's schema
 * (docs/graphql.md), answered by the plugin's own resolvers; its content types stay out of shadow
 * CRUD (utils/keep-out-of-graphql.ts). Without the GraphQL plugin this does nothing. Called in
 * register: the GraphQL plugin builds its schema in its bootstrap, from what was registered.
 */
export const registerGraphqlQueries = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) {
    return;
  }
  const extension = graphql.service('extension') as Extension;
  extension.use({
    typeDefs,
    resolvers: { Query: publicQueryResolvers(strapi) },
    resolversConfig: Object.fromEntries(
      Object.entries(QUERY_ACTIONS).map(([query, action]) => [
        `Query.${query}`,
        { auth: { scope: [action] } },
      ])
    ),
  });
};
