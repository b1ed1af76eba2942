import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';

/** Admin routes for the publisher settings that the JSON-LD and the feeds carry. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService('settings', { strapi }).get() };
  },

  async update(ctx: Context) {
    ctx.body = { data: await getService('settings', { strapi }).set(ctx.request.body) };
  },
});

export default settings;
