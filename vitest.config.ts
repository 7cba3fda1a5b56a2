import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: everything that runs in the test process (loopback servers, real SQLite
 * files, in-process crawls). `process`: tests named *.process.test.ts, which run the compiled CLI
 * (dist, built once by the global setup) as child processes. `npm run test:unit` is the edit loop.
 */
export default defineConfig({
  test: {
    // Loopback crawls and child-process CLI runs take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.process.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'process', include: ['tests/**/*.process.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'] },
      },
    ],
  },
});
