import type { Core, Schema, Struct } from '@strapi/strapi';
import { yup } from '@strapi/utils';

/**
 * Strapi 5 validates drafts leniently (no min, minLength, regex or uid checks until publish), but
 * a newsroom's drafts are shared work and must be well-formed too. This builds, from the same
 * schema.json that declares the limits, a yup schema enforcing them on every write. `required` is
 * left to publish time, as Strapi does, so an editor can save an unfinished draft.
 */

type Attribute = Schema.Attribute.AnyAttribute;

const lengthRules = (attribute: Attribute) => {
  let schema = yup.string().nullable();
  if ('minLength' in attribute && typeof attribute.minLength === 'number') {
    schema = schema.min(attribute.minLength, '${path} must be at least ${min} characters');
  }
  if ('maxLength' in attribute && typeof attribute.maxLength === 'number') {
    schema = schema.max(attribute.maxLength, '${path} must be at most ${max} characters');
  }
  return schema;
};

const integerRules = (attribute: Attribute) => {
  let schema = yup.number().nullable().integer('${path} must be a whole number');
  if ('min' in attribute && typeof attribute.min === 'number') {
    schema = schema.min(attribute.min, '${path} must be at least ${min}');
  }
  if ('max' in attribute && typeof attribute.max === 'number') {
    schema = schema.max(attribute.max, '${path} must be at most ${max}');
  }
  return schema;
};

const attributeRules = (strapi: Core.Strapi, attribute: Attribute): yup.AnySchema | undefined => {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'uid':
      return lengthRules(attribute);
    case 'integer':
      return integerRules(attribute);
    case 'enumeration':
      return yup
        .mixed()
        .nullable()
        .oneOf([...attribute.enum, null], '${path} must be one of: ${values}');
    case 'boolean':
      return yup.boolean().nullable();
    case 'component': {
      const component = objectRules(strapi, strapi.getModel(attribute.component));
      return attribute.repeatable ? yup.array().nullable().of(component) : component.nullable();
    }
    default:
      // Relations, media, dates and blocks are checked by Strapi itself.
      return undefined;
  }
};

const objectRules = (strapi: Core.Strapi, model: Struct.Schema) => {
  const fields: Record<string, yup.AnySchema> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const rules = attributeRules(strapi, attribute);
    if (rules) {
      fields[name] = rules;
    }
  }
  return yup.object(fields);
};

export const buildAttributeSchema = (
  strapi: Core.Strapi,
  model: Struct.Schema
): yup.AnyObjectSchema => objectRules(strapi, model);
