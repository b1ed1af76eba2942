import path from 'path';

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // Loaded from this repository, so the playground always runs the plugin as it is checked out.
  // BENCH_WITHOUT_PLUGIN is for `npm run bench` only: its memory baseline runs plain Strapi.
  'intelligence-stories': {
    enabled: !env.bool('BENCH_WITHOUT_PLUGIN', false),
    resolve: path.resolve(__dirname, '..', '..', '..'),
  },
});
