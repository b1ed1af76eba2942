import type { Core, Schema, Struct } from '@strapi/strapi';
import { yup } from '@strapi/utils';

import { nestsDeeperThan } from '../utils/json-walk';
import {
  BODY_MAX_CHARACTERS,
  BULK_SELECTION_DOCUMENTS,
  LIST_LIMITS,
  MAX_JSON_DEPTH,
  TO_ONE_RELATION_ITEMS,
} from './limits';

/**
 * Builds, from a type's schema.json, a yup schema that only counts: the items of every repeatable
 * component, blocks field and relation list, at any depth. It runs with abortEarly before anything
 * looks at the items themselves, so an oversized list is refused without a pass over it (yup's
 * full schemas validate every item even when the list's own length test has failed).
 */

type Attribute = Schema.Attribute.AnyAttribute;
type Caps = Readonly<Record<string, number>>;

const capsFor = (uid: string): Caps => (LIST_LIMITS as Record<string, Caps>)[uid] ?? {};

const missingCap = (uid: string, name: string) =>
  new Error(`intelligence-stories: ${uid}.${name} is a list without a cap in validation/limits.ts`);

/** A relation's input lists: ids in an array, or `{ connect, disconnect, set }`, or one id. */
const relationListSizes = (value: unknown): number[] => {
  if (value === undefined || value === null) {
    return [];
  }
  if (Array.isArray(value)) {
    return [value.length];
  }
  if (typeof value === 'object') {
    return (['connect', 'disconnect', 'set'] as const)
      .map((key) => (value as Record<string, unknown>)[key])
      .filter(Array.isArray)
      .map((list) => list.length);
  }
  return [1];
};

const tooMany = (path: string, max: number, size: number) =>
  `${path} takes at most ${max} item${max === 1 ? '' : 's'} in one write (received ${size})`;

const cappedRelation = (max: number) =>
  yup.mixed().test({
    name: 'max-items',
    test(value) {
      const size = Math.max(0, ...relationListSizes(value));
      return size <= max || this.createError({ message: tooMany(this.path, max, size) });
    },
  });

const maxItems = (max: number) =>
  yup
    .array()
    .nullable()
    .test({
      name: 'max-items',
      test(value) {
        const size = value?.length ?? 0;
        return size <= max || this.createError({ message: tooMany(this.path, max, size) });
      },
    });

// Anything but a list is left for the full validation to name.
const whenList = (list: yup.AnySchema) =>
  yup.lazy((value) => (Array.isArray(value) ? list : yup.mixed()));

const cappedList = (max: number, items?: yup.AnySchema) =>
  whenList(items ? maxItems(max).of(items) : maxItems(max));

const cappedBody = (max: number) =>
  whenList(
    maxItems(max).test({
      name: 'max-size',
      test(value) {
        // Depth first: JSON.stringify recurses.
        if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
          return this.createError({
            message: `${this.path} nests deeper than ${MAX_JSON_DEPTH} levels`,
          });
        }
        const size = JSON.stringify(value).length;
        return (
          size <= BODY_MAX_CHARACTERS ||
          this.createError({
            message: `${this.path} is at most ${BODY_MAX_CHARACTERS} characters as JSON (received ${size})`,
          })
        );
      },
    })
  );

const objectLimits = (strapi: Core.Strapi, model: Struct.Schema): yup.AnySchema | undefined => {
  const caps = capsFor(model.uid);
  const fields: Record<string, yup.AnySchema | ReturnType<typeof yup.lazy>> = {};
  for (const [name, attribute] of Object.entries(model.attributes) as Array<[string, Attribute]>) {
    // Not input: Strapi's own virtual fields (i18n's `localizations`), dropped from every write.
    if ('writable' in attribute && attribute.writable === false) {
      continue;
    }
    const cap = caps[name];
    switch (attribute.type) {
      case 'component': {
        const items = objectLimits(strapi, strapi.getModel(attribute.component));
        if (attribute.repeatable) {
          if (cap === undefined) {
            throw missingCap(model.uid, name);
          }
          fields[name] = cappedList(cap, items);
        } else if (items) {
          fields[name] = items;
        }
        break;
      }
      case 'relation': {
        const toOne = attribute.relation === 'oneToOne' || attribute.relation === 'manyToOne';
        if (!toOne && cap === undefined) {
          throw missingCap(model.uid, name);
        }
        fields[name] = cappedRelation(toOne ? TO_ONE_RELATION_ITEMS : cap!);
        break;
      }
      case 'blocks':
        if (cap === undefined) {
          throw missingCap(model.uid, name);
        }
        fields[name] = cappedBody(cap);
        break;
      case 'dynamiczone':
        throw missingCap(model.uid, name);
      case 'media':
        if (attribute.multiple) {
          throw missingCap(model.uid, name);
        }
        break;
      default:
        break;
    }
  }
  if (Object.keys(fields).length === 0) {
    return undefined;
  }
  const object = yup.object(fields);
  return yup.lazy((value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? object : yup.mixed()
  ) as unknown as yup.AnySchema;
};

export const buildListLimitsSchema = (strapi: Core.Strapi, model: Struct.Schema): yup.AnySchema =>
  objectLimits(strapi, model) ?? yup.mixed();

/** The selection of a Content Manager bulk action. */
export const bulkSelectionLimits: yup.AnySchema = yup.object({
  documentIds: cappedRelation(BULK_SELECTION_DOCUMENTS),
});
