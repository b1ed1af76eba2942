/**
 * The fast layer: `npm run test:unit`. Pure unit tests beside the code (server/src, admin/src)
 * and the docs' checks, with no Strapi boot and none of the global setup's builds: seconds, not
 * minutes. `npm test` runs these too, with everything else.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  // The global setup builds the plugin and the playground for the tests that boot Strapi.
  globalSetup: undefined,
  roots: ['<rootDir>/server/src', '<rootDir>/admin/src', '<rootDir>/test/package'],
  testMatch: [
    '<rootDir>/{server,admin}/src/**/*.test.{ts,tsx}',
    '<rootDir>/test/package/docs.test.ts',
  ],
};
