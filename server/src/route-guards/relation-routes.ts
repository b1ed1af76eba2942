import type { Core, UID } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { actionId, ACTIONS } from '../permissions';
import { contentManagerService } from '../strapi-internals/content-manager';
import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';
import { isRegisterUid } from './register-types';

/**
 * The Content Manager's relation routes (`/content-manager/relations/:model[/:id]/:targetField`)
 * answer its relation picker. Strapi 5.54 lets a caller's `fields`, `populate`, `filters` and
 * `sort` through them to the database, and skips the permission check when the relation is held
 * in a component: any admin, even one whose role has no permission, could read every row a
 * relation points at, admin users' password hashes and tokens included. Here they accept exactly
 * the picker's query, for relations the Content Manager shows, and answer only what it displays.
 */

export const RELATION_HANDLERS = ['relations.findAvailable', 'relations.findExisting'];

// Query strings arrive as strings; validated strictly, so that unknown keys are not cast away.
const id = yup.string().matches(/^\d+$/, '${path} must be a row id');
const count = (max: number) =>
  yup
    .string()
    .matches(/^[1-9]\d*$/, '${path} must be a whole number from 1')
    .test('max', `\${path} must be at most ${max}`, (value) => !value || Number(value) <= max);

// The picker's own parameters (the Content Manager's `searchRelations`/`getRelations` queries);
// anything else is refused, not ignored, so that a probe learns nothing from a silent drop.
const pickerQuery = yup
  .object({
    id: yup.string().max(64),
    component: yup.string().max(200),
    _q: yup.string().max(200),
    _filter: yup.string().oneOf(['$containsi', '$startsWithi']),
    idsToOmit: yup.array().of(id).max(1000),
    idsToInclude: yup.array().of(id).max(1000),
    page: count(100000),
    pageSize: count(100),
    locale: yup.string().max(64).nullable(),
    status: yup.string().oneOf(['draft', 'published']).nullable(),
  })
  .noUnknown(
    true,
    'The relation picker accepts only _q, _filter, page, pageSize, id, idsToOmit, idsToInclude, locale and status; remove: ${unknown}'
  );

type PickerQueryInput = yup.InferType<typeof pickerQuery>;

type RelationAttribute = { type: string; target?: string; visible?: boolean };

/** What a picker may show of any related row: ids, its label, its state. */
const PICKER_KEYS = new Set(['id', 'documentId', 'locale', 'publishedAt', 'updatedAt', 'status']);
// Strapi's own list of the admin-user fields it lets out of the admin API, without the e-mail.
const ADMIN_USER_LABEL_KEYS = new Set(['firstname', 'lastname', 'username']);

const isLabel = (strapi: Core.Strapi, targetUid: string, key: string) => {
  if (targetUid === 'admin::user') {
    return ADMIN_USER_LABEL_KEYS.has(key);
  }
  const attributes = strapi.getModel(targetUid as UID.Schema)?.attributes as
    Record<string, { type: string }> | undefined;
  const attribute = attributes?.[key];
  // A label is a scalar the picker can print; never a password, relation, component or media.
  return (
    attribute !== undefined &&
    !['password', 'relation', 'component', 'dynamiczone', 'media', 'json', 'blocks'].includes(
      attribute.type
    )
  );
};

const projectResults = (strapi: Core.Strapi, targetUid: string, body: unknown) => {
  const page = body as { results?: Array<Record<string, unknown>> } | null;
  if (!page || !Array.isArray(page.results)) {
    return;
  }
  page.results = page.results.map((row) =>
    Object.fromEntries(
      Object.entries(row).filter(([key]) => PICKER_KEYS.has(key) || isLabel(strapi, targetUid, key))
    )
  );
};

const ids = (values?: Array<string | undefined>) => (values ?? []).map(Number);

/** The confidential-source picker: aliases to holders of sourcing.read, nothing to others. */
const answerSourcePicker = async (
  strapi: Core.Strapi,
  ctx: Context,
  query: PickerQueryInput,
  existingFor?: string
) => {
  const readSourcing = actionId(ACTIONS.readSourcing);
  if (!ctx.state.userAbility?.can(readSourcing)) {
    throw new errors.PolicyError(
      `Linking a confidential source needs the permission "Read stories' sourcing and readiness" (${readSourcing}); ask an administrator to add it to your role.`
    );
  }
  const picker = getService('source-picker', { strapi });
  if (existingFor !== undefined) {
    // A component row is named by its numeric id; anything else names no quote.
    const linked = /^\d+$/.test(existingFor) ? await picker.linkedTo(Number(existingFor)) : null;
    if (!linked) {
      throw new errors.NotFoundError('No anonymous quote has this id');
    }
    ctx.body = linked;
    return;
  }
  ctx.body = await picker.available({
    search: query._q,
    match: query._filter === '$startsWithi' ? 'startsWith' : 'contains',
    page: Number(query.page ?? 1),
    pageSize: Number(query.pageSize ?? 10),
    idsToOmit: ids(query.idsToOmit),
    idsToInclude: ids(query.idsToInclude),
    quoteId: query.id ? Number(query.id) : undefined,
  });
};

/** The Content Manager's own field check, which it skips for relations held in components. */
const canReadField = (strapi: Core.Strapi, ctx: Context, model: string, field: string) => {
  if (strapi.getModel(model as UID.Schema)?.modelType === 'component') {
    return true;
  }
  const checker = contentManagerService(strapi, 'permission-checker').create({
    userAbility: ctx.state.userAbility,
    model,
  });
  return !checker.cannot.read(null, field);
};

export const isRelationRoute = (route: { handler?: unknown; info?: { pluginName?: string } }) =>
  route.info?.pluginName === 'content-manager' &&
  typeof route.handler === 'string' &&
  RELATION_HANDLERS.includes(route.handler);

export const guardRelationRoute =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: Next): Promise<void> => {
    const { model, targetField, id: existingFor } = ctx.params as Record<string, string>;
    const schema = strapi.getModel(model as UID.Schema);
    const attributes = schema?.attributes as Record<string, RelationAttribute> | undefined;
    const attribute = attributes?.[targetField];
    if (!attribute || attribute.type !== 'relation') {
      // Strapi's own handler answers unknown models and fields with its 400.
      return next();
    }
    const pluginOptions = schema?.pluginOptions as
      { 'content-manager'?: { visible?: boolean } } | undefined;
    const shownInContentManager = pluginOptions?.['content-manager']?.visible !== false;
    if (isRegisterUid(model) || attribute.visible === false || !shownInContentManager) {
      // Kept by the server (approvals, authors), part of the register, or on a type the Content
      // Manager does not show (media files, whose picker crashes Strapi 5.54): no picker needs them.
      throw new errors.PolicyError(
        `The relation ${targetField} of ${model} is not editable in the Content Manager`
      );
    }
    const query = (await validateYupSchema(pickerQuery)(ctx.query)) as PickerQueryInput;
    if (attribute.target === CONFIDENTIAL_SOURCE_UID) {
      return answerSourcePicker(strapi, ctx, query, existingFor);
    }
    // Strapi 5.54 means to answer 403 here but crashes on its own refusal (a 500).
    if (!canReadField(strapi, ctx, model, targetField)) {
      throw new errors.PolicyError(`You may not read the field ${targetField} of ${model}`);
    }
    await next();
    projectResults(strapi, attribute.target ?? '', ctx.body);
  };
