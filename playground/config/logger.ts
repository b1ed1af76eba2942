export default ({ env }) => ({
  // The test harness sets STRAPI_LOG_LEVEL=error so a passing suite stays quiet.
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
