import { defineConfig } from 'vitest/config';

/**
 * Three projects, one command (`npm test`) for all. `unit`: tests that run in the test process and
 * take well under a second a file (fixture corpus, extraction, archive logic, small loopback
 * servers, real SQLite files): `npm run test:unit` is the edit loop. `slow`: in-process tests named
 * *.slow.test.ts that take seconds (loopback crawls over many pages, worker threads, OCR, a real
 * Chromium, scaling checks). `process`: tests named *.process.test.ts, which run the compiled CLI
 * (dist, built once by the global setup) as child processes.
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
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.process.test.ts', 'tests/**/*.slow.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'slow', include: ['tests/**/*.slow.test.ts'], isolate: false },
      },
      {
        extends: true,
        // Not isolated either: the helpers and the archive fixture are imported once per worker, not once
        // per file (about 20 s of CPU over the project on 2 cores); the CLI itself runs in its own processes.
        test: { name: 'process', include: ['tests/**/*.process.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'], isolate: false },
      },
    ],
  },
});
