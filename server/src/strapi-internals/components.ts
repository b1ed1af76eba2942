import type { Core } from '@strapi/strapi';
import camelCase from 'lodash/camelCase';
import cloneDeep from 'lodash/cloneDeep';
import upperFirst from 'lodash/upperFirst';

/**
 * Strapi internal (checked against 5.54.0): the component registry, `strapi.get('components')`,
 * and the shape Strapi's own loader (`@strapi/core` loaders/components) gives a component there.
 * Strapi loads components only from the app's src/components; a plugin's own are added here, in
 * register(), before the database schema is built from the registry in bootstrap. If an upgrade
 * adds a key to the loader's shape, test/internals/strapi-internals.test.ts says so.
 */
export const registerPluginComponent = (
  strapi: Core.Strapi,
  category: string,
  name: string,
  schema: object
) => {
  const uid = `${category}.${name}`;
  strapi.get('components').set(uid, {
    ...cloneDeep(schema),
    __schema__: cloneDeep(schema),
    uid,
    category,
    modelType: 'component',
    modelName: name,
    globalId: upperFirst(camelCase(`component_${uid}`)),
  });
};
