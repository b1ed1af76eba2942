import path from 'path';

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
  'intelligence-stories': {
    enabled: true,
    resolve: path.resolve(__dirname, '..', '..', '..'),
  },
});
