import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type {
  CreateSource,
  GetAccessLog,
  GetEditors,
  GetSource,
  GetSources,
  RevealSource,
  SourceInput,
  UpdateSource,
} from '../../../shared/contracts/sources';
import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';
import {
  accessLogQuery,
  createSourceBody,
  updateSourceBody,
} from '../validation/confidential-source-body';
import { registerQuerySchema } from '../validation/register-query';

const actorOf = (ctx: Context) => {
  const { id, email } = ctx.state.user as { id: number; email?: string };
  return { id, email };
};

/**
 * Admin routes of the confidential-source register. The route's policy has checked the
 * permission; each handler validates, calls the service and responds.
 */
const confidentialSourcesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('confidential-sources', { strapi });

  // The caps before the body's schema, which would look at every item of an oversized list.
  const validateBody = async (schema: typeof createSourceBody, body: unknown) => {
    await getService('input-limits', { strapi }).assertWithinLimits(CONFIDENTIAL_SOURCE_UID, body);
    return validateYupSchema(schema)(body ?? {});
  };

  // Refused before any write: ids that name no admin would silently drop from the relation.
  const assertEditorsExist = async (input: SourceInput) => {
    const ids = [...new Set(input.editorsWhoKnow ?? [])];
    if (ids.length === 0) {
      return;
    }
    const found = await strapi.db.query('admin::user').count({ where: { id: { $in: ids } } });
    if (found !== ids.length) {
      throw new errors.ValidationError('editorsWhoKnow: every id must be an existing admin user', {
        errors: [
          {
            path: ['editorsWhoKnow'],
            message: 'every id must be an existing admin user',
            name: 'ValidationError',
          },
        ],
      });
    }
  };

  return {
    async find(ctx: Context) {
      const { q } = (await validateYupSchema(registerQuerySchema)(
        ctx.query
      )) as GetSources.Request['query'];
      ctx.body = {
        data: await service().list({ q }, ctx.state.userAbility),
      } satisfies GetSources.Response;
    },

    async editors(ctx: Context) {
      ctx.body = { data: await service().editors() } satisfies GetEditors.Response;
    },

    async findOne(ctx: Context) {
      ctx.body = {
        data: await service().findOne(ctx.params.documentId, ctx.state.userAbility),
      } satisfies GetSource.Response;
    },

    async reveal(ctx: Context) {
      ctx.body = {
        data: await service().reveal(ctx.params.documentId, actorOf(ctx), ctx.state.userAbility),
      } satisfies RevealSource.Response;
    },

    async create(ctx: Context) {
      const input = (await validateBody(createSourceBody, ctx.request.body)) as SourceInput;
      await assertEditorsExist(input);
      ctx.status = 201;
      ctx.body = {
        data: await service().create(input, actorOf(ctx), ctx.state.userAbility),
      } satisfies CreateSource.Response;
    },

    async update(ctx: Context) {
      const { revision, ...input } = (await validateBody(
        updateSourceBody,
        ctx.request.body
      )) as SourceInput & { revision: string | null };
      await assertEditorsExist(input);
      ctx.body = {
        data: await service().update(
          ctx.params.documentId,
          input,
          actorOf(ctx),
          revision,
          ctx.state.userAbility
        ),
      } satisfies UpdateSource.Response;
    },

    async accessLog(ctx: Context) {
      const query = (await validateYupSchema(accessLogQuery)(ctx.query)) as Record<string, string>;
      const page = Number(query.page ?? 1);
      const pageSize = Number(query.pageSize ?? 25);
      const { results, pagination } = await getService('source-access-log', { strapi }).list({
        sourceDocumentId: query.sourceDocumentId,
        page,
        pageSize,
      });
      ctx.body = { data: results, meta: { pagination } } satisfies GetAccessLog.Response;
    },
  };
};

export default confidentialSourcesController;
