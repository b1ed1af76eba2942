/** Browser tests of the admin panel: `npm run test:e2e` (needs Debian's Chromium and a built admin). */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  // One Strapi and one browser at a time: the pages are slow enough on two cores.
  maxWorkers: 1,
  testTimeout: 120_000,
};
