import type { Core, UID } from '@strapi/strapi';
import { sanitize, traverse } from '@strapi/utils';

import { isRegisterUid } from './register-types';

type Visitor = Parameters<typeof traverse.traverseQueryFilters>[0];
type Query = { filters?: unknown; sort?: unknown; populate?: unknown };

/**
 * The first path in a query's `filters`, `sort` or `populate` that steps into the register, as a
 * story's `anonymousQuotes.confidentialSource` does. Strapi's permission sanitizer checks the
 * fields of the type asked for, not those of a relation's target reached through a component:
 * `filters[anonymousQuotes][confidentialSource][identity][$notNull]` answered "has this source an
 * identity on file", and `[alias]` the same for an alias, to roles with no right on either.
 */
export const pathIntoRegister = async (
  strapi: Core.Strapi,
  uid: string,
  query: Query
): Promise<string | null> => {
  const schema = strapi.getModel(uid as UID.Schema);
  if (!schema) {
    return null;
  }
  const options = { schema, getModel: (model: string) => strapi.getModel(model as UID.Schema) };
  const found: string[] = [];
  const visitor: Visitor = ({ key, attribute, path }) => {
    if (
      attribute?.type === 'relation' &&
      'target' in attribute &&
      isRegisterUid(attribute.target)
    ) {
      found.push(path.attribute ?? path.raw ?? key);
    }
  };
  // Traversal does not cast; a value of the wrong shape is left for Strapi's own validation.
  const run = async (walk: () => Promise<unknown>) => {
    try {
      await walk();
    } catch {
      // Strapi's validators answer a malformed query with their own 400.
    }
  };
  if (query.filters) {
    await run(() => traverse.traverseQueryFilters(visitor, options, query.filters as object));
  }
  if (query.sort) {
    await run(() => traverse.traverseQuerySort(visitor, options, query.sort as object));
  }
  if (query.populate) {
    // `populate[anonymousQuotes][populate]=*` reaches the source through the wildcard.
    await run(async () => {
      const expanded = await traverse.traverseQueryPopulate(
        sanitize.visitors.expandWildcardPopulate,
        options,
        query.populate as object
      );
      await traverse.traverseQueryPopulate(visitor, options, expanded);
    });
  }
  return found[0] ?? null;
};
