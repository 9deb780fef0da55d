/** Jest runs TypeScript through ts-jest in transpile-only mode (tsconfig's isolatedModules; fast on 2 cores);
 *  type errors are caught by test/project/typecheck.test.ts, which runs tsc once. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
};
