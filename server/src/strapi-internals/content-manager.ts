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

/**
 * The Content Manager's stored view of a type or a component (core-store key
 * `plugin_content_manager_configuration_{content_types|components}::<uid>`), as its
 * `content-types` and `components` services read and write it (content-manager-views/).
 */
export type ContentManagerFieldMetadata = {
  edit: { label?: string; description?: string; placeholder?: string } & Record<string, unknown>;
  list: { label?: string } & Record<string, unknown>;
};
export type ContentManagerConfiguration = {
  settings?: { mainField?: string; defaultSortBy?: string; defaultSortOrder?: string } & Record<
    string,
    unknown
  >;
  metadatas?: Record<string, ContentManagerFieldMetadata>;
  layouts?: { list?: string[]; edit?: unknown[] } & Record<string, unknown>;
} & Record<string, unknown>;
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<ContentManagerConfiguration>;
  updateConfiguration(
    model: { uid: string },
    configuration: ContentManagerConfiguration
  ): Promise<ContentManagerConfiguration>;
};

export const contentManagerConfigurationService = (
  strapi: Core.Strapi,
  kind: 'content-types' | 'components'
) => strapi.plugin('content-manager').service(kind) as unknown as ConfigurationService;

export const contentManagerService = <TName extends keyof ContentManagerServices>(
  strapi: Core.Strapi,
  name: TName
) => strapi.plugin('content-manager').service(name) as unknown as ContentManagerServices[TName];
