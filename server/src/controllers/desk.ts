import type { Core } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type { GetDeskCorrections } from '../../../shared/contracts/corrections';
import {
  OVERRIDE_WINDOW_DAYS,
  type DeskState,
  type GetApprovalQueue,
  type GetApprovalQueueCount,
  type GetApprovalQueueItem,
  type GetDeskOverrides,
  type GetDeskStories,
} from '../../../shared/contracts/desk';
import { getService } from '../utils/get-service';
import { paginationMeta, toPagination } from '../utils/pagination';
import { deskCorrectionsQuerySchema, issuedWindow } from '../validation/desk-corrections-query';
import {
  deskPageSchema,
  deskQuerySchema,
  noQuerySchema,
  queueItemParamsSchema,
} from '../validation/desk-query';

type PageParams = { pagination?: Record<string, string> };

/** Admin routes behind the plugin's pages: the desk, the approval queue, corrections. */
const desk = ({ strapi }: { strapi: Core.Strapi }) => {
  const page = async (ctx: Context, schema: typeof deskPageSchema) => {
    const params = (await validateYupSchema(schema)(ctx.query)) as PageParams & {
      q?: string;
      state?: DeskState;
    };
    const { isPaged, ...pagination } = toPagination(params.pagination);
    return {
      params,
      pagination,
      meta: (total: number) => paginationMeta({ pagination, isPaged }, total),
    };
  };

  return {
    async stories(ctx: Context) {
      const { params, pagination, meta } = await page(ctx, deskQuerySchema);
      const { results, total } = await getService('desk', { strapi }).list({
        q: params.q,
        state: params.state,
        locale: await getService('locales', { strapi }).resolve(
          (params as { locale?: string }).locale
        ),
        pagination,
        userAbility: ctx.state.userAbility,
      });
      ctx.body = {
        data: results,
        meta: { pagination: meta(total) },
      } satisfies GetDeskStories.Response;
    },

    /** How many overrides each rule had in the last 30 days: the standards desk reviews them. */
    async overrides(ctx: Context) {
      const since = new Date(Date.now() - OVERRIDE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
      ctx.body = {
        data: await getService('change-log', { strapi }).overrideCounts(since),
        meta: { since: since.toISOString(), days: OVERRIDE_WINDOW_DAYS },
      } satisfies GetDeskOverrides.Response;
    },

    async approvals(ctx: Context) {
      const { pagination, meta } = await page(ctx, deskPageSchema);
      const { results, total } = await getService('approval-queue', { strapi }).list(
        pagination,
        undefined,
        ctx.state.user.id
      );
      const openable = await getService('content-manager-links', { strapi }).openableStories(
        ctx.state.userAbility,
        results.map(({ story }) => story.documentId)
      );
      ctx.body = {
        data: results.map((item) => ({
          ...item,
          story: { ...item.story, canOpen: openable.has(item.story.documentId) },
        })),
        meta: { pagination: meta(total) },
      } satisfies GetApprovalQueue.Response;
    },

    /** What a standards editor needs to decide on one quote of the queue. */
    async approval(ctx: Context) {
      const { documentId, quoteIndex } = (await validateYupSchema(queueItemParamsSchema)(
        ctx.params
      )) as { documentId: string; quoteIndex: string };
      ctx.body = {
        data: await getService('approval-queue', { strapi }).detail(
          documentId,
          Number(quoteIndex),
          ctx.state.user.id,
          // The quote's language version (`?locale=`); the app's default when absent.
          await getService('locales', { strapi }).resolve(ctx.query.locale)
        ),
      } satisfies GetApprovalQueueItem.Response;
    },

    /** The menu's badge: how many quotes await, and how many the signed-in editor may decide. */
    async approvalCount(ctx: Context) {
      await validateYupSchema(noQuerySchema)(ctx.query);
      ctx.body = {
        data: await getService('approval-queue', { strapi }).count(ctx.state.user.id),
      } satisfies GetApprovalQueueCount.Response;
    },

    async corrections(ctx: Context) {
      const { params, pagination, meta } = await page(ctx, deskCorrectionsQuerySchema);
      const { q, kind, locale, ...window } = params as GetDeskCorrections.Request['query'];
      const { results, total } = await getService('corrections', { strapi }).forDesk({
        storyDocumentId: ctx.params.documentId,
        locale,
        q,
        kind,
        issued: issuedWindow(window),
        pagination,
        userAbility: ctx.state.userAbility,
      });
      ctx.body = {
        data: results,
        meta: { pagination: meta(total) },
      } satisfies GetDeskCorrections.Response;
    },
  };
};

export default desk;
