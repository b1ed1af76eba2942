/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/server/src', '<rootDir>/admin/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles, which keeps boots fast.
    // One config for .ts and the panel's .tsx component tests (in jsdom: see their docblocks): two
    // ts-jest configs in one process would share the first one's compiler options.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testSequencer: '<rootDir>/test/sequencer.js',
  // Each API test file boots its own Strapi (~200 MB); two at a time fit the CI machine.
  maxWorkers: 2,
  testTimeout: 60_000,
};
