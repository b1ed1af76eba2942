export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The test harness points this at a temp folder so uploads made by tests never land in the repo.
  dirs: {
    public: env('PUBLIC_DIR', './public'),
  },
});
