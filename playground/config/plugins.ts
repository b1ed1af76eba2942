import fs from 'fs';
import path from 'path';

// The repository root: this file runs from playground/config when the admin is built and from
// playground/dist/config when the server starts, so the root is found, not counted.
const pluginRoot = () => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'strapi-plugin-intelligence-stories'
    ) {
      return dir;
    }
  }
  throw new Error(
    'playground: strapi-plugin-intelligence-stories was not found above ' + __dirname
  );
};

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // GraphQL runs here so the leak tests can probe it; the plugin keeps its own types out of it.
  graphql: {
    enabled: true,
    config: {
      // Introspection stays on: the tests use it to prove no confidential type or field is there.
      landingPage: false,
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
    },
  },
  // Loaded from this repository, so the playground always runs the plugin as it is checked out.
  // BENCH_WITHOUT_PLUGIN is for `npm run bench` only: its memory baseline runs plain Strapi.
  'intelligence-stories': {
    enabled: !env.bool('BENCH_WITHOUT_PLUGIN', false),
    resolve: pluginRoot(),
  },
});
