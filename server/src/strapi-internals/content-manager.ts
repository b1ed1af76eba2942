import type { Core } from '@strapi/strapi';

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
  /**
   * The Content Manager's read checks: field-level (route-guards/relation-routes.ts) and on an
   * entity, its permission's conditions included (route-guards/bulk-reads.ts).
   */
  'permission-checker': {
    create(params: { userAbility: unknown; model: string }): {
      cannot: { read(entity?: object | null, field?: string): boolean };
    };
  };
};

export const contentManagerService = <TName extends keyof ContentManagerServices>(
  strapi: Core.Strapi,
  name: TName
) => strapi.plugin('content-manager').service(name) as unknown as ContentManagerServices[TName];
