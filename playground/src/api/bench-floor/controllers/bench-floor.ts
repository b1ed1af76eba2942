import type { Core } from '@strapi/strapi';

/** Answers the constant the bench set (see routes/bench-floor.ts): Koa serializes it, nothing else. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const floor = strapi.service('api::bench-floor.bench-floor') as { payload(): unknown };
  return {
    find(ctx: { body: unknown; notFound(): void }) {
      const payload = floor.payload();
      if (payload === null) {
        return ctx.notFound();
      }
      ctx.body = payload;
    },
  };
};
