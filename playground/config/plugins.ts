import path from 'path';

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // Loaded from this repository, so the playground always runs the plugin as it is checked out.
  'intelligence-stories': {
    enabled: true,
    resolve: path.resolve(__dirname, '..', '..', '..'),
  },
});
