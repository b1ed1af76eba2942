import type { Core } from '@strapi/strapi';

/** A route of the Content Manager's admin router, as the plugin reads and extends it. */
export type ContentManagerRoute = {
  method: string;
  path: string;
  handler: string;
  config?: { middlewares?: unknown[]; policies?: unknown[] };
};

/**
 * Strapi internal (checked against @strapi/content-manager 5.54.0): the Content Manager's admin
 * router, `strapi.plugin('content-manager').routes.admin.routes`, whose handlers are named
 * `<controller>.<action>` (e.g. `collection-types.bulkPublish`). In register() its routes are
 * still plain objects the plugin can add route middlewares to; Strapi mounts them afterwards.
 */
export const contentManagerAdminRoutes = (strapi: Core.Strapi): ContentManagerRoute[] =>
  (
    strapi.plugin('content-manager').routes as unknown as {
      admin: { routes: ContentManagerRoute[] };
    }
  ).admin.routes;

/** The Content Manager route with this handler; an upgrade that renames it stops the boot. */
export const contentManagerRoute = (strapi: Core.Strapi, handler: string) => {
  const route = contentManagerAdminRoutes(strapi).find(
    (candidate) => candidate.handler === handler
  );
  if (!route) {
    throw new Error(
      `intelligence-stories: the Content Manager has no admin route with the handler "${handler}" (a Strapi internal this plugin relies on; see docs/architecture.md)`
    );
  }
  return route;
};

/**
 * Strapi internals (checked against @strapi/content-manager 5.54.0): the Content Manager's
 * services the plugin calls, with the methods and signatures it uses. None is a documented API.
 */
type ContentManagerServices = {
  /** Generates a uid field's value as the Content Manager's slug button does (story-slug.ts). */
  uid: {
    generateUIDField(params: {
      contentTypeUID: string;
      field: string;
      data: Record<string, unknown>;
    }): Promise<string>;
  };
  /** A version's status as the Content Manager's list shows it (utils/document-state.ts). */
  'document-metadata': {
    getStatus(version: object, otherVersions: object[]): 'draft' | 'published' | 'modified';
  };
  /** The Content Manager's field-level read check (route-guards/relation-routes.ts). */
  'permission-checker': {
    create(params: { userAbility: unknown; model: string }): {
      cannot: { read(entity: null, field: string): boolean };
    };
  };
};

export const contentManagerService = <TName extends keyof ContentManagerServices>(
  strapi: Core.Strapi,
  name: TName
) => strapi.plugin('content-manager').service(name) as unknown as ContentManagerServices[TName];
