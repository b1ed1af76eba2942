/**
 * `npm run bench` only: the framework's floor for a story-sized answer. The route exists when the
 * bench's server sets BENCH_FLOOR=true, so the playground a developer runs does not serve it, and
 * it is no part of the plugin's package (the playground is not shipped). It is a Content API route
 * like the plugin's: the same global middlewares, the same users-permissions check (the bench
 * grants the Public role `api::bench-floor.bench-floor.find`), and none of the plugin's work.
 */
export default {
  routes:
    process.env.BENCH_FLOOR === 'true'
      ? [{ method: 'GET', path: '/bench-floor', handler: 'bench-floor.find', config: {} }]
      : [],
};
