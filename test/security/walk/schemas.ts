import type { Core, Schema, UID } from '@strapi/strapi';

export const PLUGIN_PREFIX = 'plugin::intelligence-stories.';
export const PLUGIN_COMPONENT_PREFIX = 'intelligence-stories.';

export const isPluginUid = (uid: string) =>
  uid.startsWith(PLUGIN_PREFIX) || uid.startsWith(PLUGIN_COMPONENT_PREFIX);

type AnySchema = Schema.ContentType | Schema.Component;
type Attribute = Schema.Attribute.AnyAttribute & { private?: boolean };

/** The schemas as the running Strapi holds them, content types and components alike. */
export const schemaOf = (strapi: Core.Strapi, uid: string): AnySchema | undefined =>
  strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component];

const attributesOf = (strapi: Core.Strapi, uid: string) =>
  Object.entries((schemaOf(strapi, uid)?.attributes ?? {}) as Record<string, Attribute>);

/** Attributes Strapi is told never to serve (`private: true`), read from the schema at run time. */
export const privateAttributes = (strapi: Core.Strapi, uid: string) =>
  attributesOf(strapi, uid)
    .filter(([, attribute]) => attribute.private === true)
    .map(([name, attribute]) => ({ name, type: attribute.type }));

/** Relation attributes (including Strapi's createdBy/updatedBy) and where each points. */
export const relationAttributes = (strapi: Core.Strapi, uid: string) =>
  attributesOf(strapi, uid).flatMap(([name, attribute]) =>
    attribute.type === 'relation' &&
    'target' in attribute &&
    attribute.target &&
    name !== 'localizations'
      ? [{ name, target: String(attribute.target) }]
      : []
  );

// i18n's self-relation would walk a story into its own locales, round and round.
const componentAttributes = (strapi: Core.Strapi, uid: string) =>
  attributesOf(strapi, uid).flatMap(([name, attribute]) =>
    attribute.type === 'component' ? [{ name, target: String(attribute.component) }] : []
  );

/**
 * Where secrets live: the plugin's schemas and admin accounts. Paths into other schemas (media
 * folders, roles, locales) multiply the walk without reaching anything confidential.
 */
export const isSensitive = (uid: string) => isPluginUid(uid) || uid === 'admin::user';

export type ReachPath = {
  /** Attribute names from the model, e.g. ['anonymousQuotes', 'confidentialSource', 'editorsWhoKnow']. */
  path: string[];
  /** The schema at the end of the path. */
  target: string;
};

/**
 * Every path through relations and components from `uid`, up to `depth` steps: what a `populate`
 * or a `filters` key can name. Paths through the plugin's components are what Strapi 5.54's
 * relation search forgets to check, so they are walked like any other.
 */
export const reachPaths = (strapi: Core.Strapi, uid: string, depth = 3): ReachPath[] => {
  const walk = (from: string, prefix: string[], left: number): ReachPath[] => {
    if (left === 0) {
      return [];
    }
    return [...relationAttributes(strapi, from), ...componentAttributes(strapi, from)]
      .filter(({ target }) => isSensitive(target))
      .flatMap(({ name, target }) => {
        const here = { path: [...prefix, name], target };
        // admin::user rows hold their own createdBy/updatedBy: one step into them is enough.
        const further = target === 'admin::user' ? [] : walk(target, here.path, left - 1);
        return [here, ...further];
      });
  };
  return walk(uid, [], depth);
};

/** The schemas the walk fills `:model`-like parameters with: the plugin's, the app's, admins and users. */
export const walkedUids = (strapi: Core.Strapi) => [
  ...Object.keys(strapi.contentTypes).filter(
    (uid) =>
      isPluginUid(uid) ||
      uid.startsWith('api::') ||
      uid === 'admin::user' ||
      uid === 'plugin::users-permissions.user' ||
      uid === 'plugin::upload.file'
  ),
  ...Object.keys(strapi.components).filter(isPluginUid),
];
