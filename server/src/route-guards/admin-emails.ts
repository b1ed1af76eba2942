import type { Core, UID } from '@strapi/strapi';
import { traverseEntity } from '@strapi/utils';
import omit from 'lodash/omit';
import type { Context } from 'koa';

const withoutEmail = (user: unknown) =>
  user && typeof user === 'object' ? omit(user as Record<string, unknown>, 'email') : user;

/**
 * The Content Manager answers a document with the admin users it links (`createdBy`, `updatedBy`,
 * a correction's issuer…) including their e-mail, to any role that may read the document: the
 * accounts that know the register's sources, approve quotes and issue corrections, reachable by
 * anyone who can read a story. Their e-mail addresses go only to those who may read admin users
 * (`admin::users.read`), on every type the Content Manager serves; their names stay.
 */
export const hideAdminEmails = async (strapi: Core.Strapi, ctx: Context, uid: string) => {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  const schema = strapi.getModel(uid as UID.Schema);
  const body = ctx.body as { data?: unknown; results?: unknown } | null;
  if (!schema || !body || typeof body !== 'object' || ability?.can('admin::users.read')) {
    return;
  }
  const options = { schema, getModel: (model: string) => strapi.getModel(model as UID.Schema) };
  const clean = (entity: unknown) =>
    entity && typeof entity === 'object'
      ? traverseEntity(
          ({ key, value, attribute }, { set }) => {
            if (attribute?.type === 'relation' && attribute.target === 'admin::user' && value) {
              set(
                key,
                (Array.isArray(value) ? value.map(withoutEmail) : withoutEmail(value)) as never
              );
            }
          },
          options,
          entity as Parameters<typeof traverseEntity>[2]
        )
      : entity;
  const cleanAll = async (value: unknown) =>
    Array.isArray(value) ? Promise.all(value.map(clean)) : clean(value);
  if ('data' in body) {
    body.data = await cleanAll(body.data);
  }
  if ('results' in body) {
    body.results = await cleanAll(body.results);
  }
  // A document's other versions (draft/published, locales) are listed with their authors too.
  const meta = (body as { meta?: Record<string, unknown> }).meta;
  for (const key of ['availableStatus', 'availableLocales']) {
    if (meta && Array.isArray(meta[key])) {
      meta[key] = await cleanAll(meta[key]);
    }
  }
};
