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
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // One module graph per worker (isolate: false): Crawlee, cheerio and the pipeline are imported
        // once per worker instead of once per file. Tests restore what they patch.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.process.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'process', include: ['tests/**/*.process.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'] },
      },
    ],
  },
});
