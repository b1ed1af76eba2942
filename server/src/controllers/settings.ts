import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type {
  GetRuleLevels,
  GetSettings,
  UpdateSettings,
} from '../../../shared/contracts/settings';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';

/** Admin routes for the publisher settings that the JSON-LD and the feeds carry. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = {
      data: await getService('settings', { strapi }).get(),
    } satisfies GetSettings.Response;
  },

  /** The rule levels in force: read-only here, since they are the app's config (a deploy). */
  async rules(ctx: Context) {
    const houseRules = getService('house-rules', { strapi });
    ctx.body = {
      data: houseRules.levels(),
      meta: { houseRules: houseRules.infos(), overrides: getConfig(strapi).overrides },
    } satisfies GetRuleLevels.Response;
  },

  async update(ctx: Context) {
    ctx.body = {
      data: await getService('settings', { strapi }).set(ctx.request.body),
    } satisfies UpdateSettings.Response;
  },
});

export default settings;
