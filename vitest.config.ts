import { totalmem } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, one command (`npm test`) for both. `unit`: every test that runs in the test process
 * (fixture corpus, extraction, archive logic, loopback servers, real SQLite files), those that take
 * seconds named *.slow.test.ts (crawls over many pages, worker threads, OCR, a real Chromium, scaling
 * checks); `npm run test:unit` leaves those out (the edit loop: `--mode quick`), `npm run test:slow`
 * runs them alone.
 * One project for both, so one set of workers with one module graph runs them all (a second project
 * started its own workers and imported everything again: ~8 s of CPU). `process`: tests named
 * *.process.test.ts, which run the compiled CLI (dist, built once by the global setup) as child processes.
 */
export default defineConfig(({ mode }) => ({
  test: {
    // Loopback crawls and child-process CLI runs take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: {
      // Crawlee sizes its memory limit at every crawler start from the machine's memory, which it asks
      // `ps` for (a child process per crawl, ~230 in the suite). Given the limit it would compute (a
      // quarter of the memory, its availableMemoryRatio), it asks nothing. Child processes inherit it.
      CRAWLEE_MEMORY_MBYTES: String(Math.floor(totalmem() / 4 / 1024 / 1024)),
    },
    projects: [
      {
        extends: true,
        // One module graph per worker (isolate: false): Crawlee, cheerio and the pipeline are imported
        // once per worker instead of once per file. Tests restore what they patch.
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.process.test.ts', ...(mode === 'quick' ? ['tests/**/*.slow.test.ts'] : [])],
          isolate: false,
        },
      },
      {
        extends: true,
        // Not isolated either: the helpers and the archive fixture are imported once per worker, not once
        // per file (about 20 s of CPU over the project on 2 cores); the CLI itself runs in its own processes.
        test: { name: 'process', include: ['tests/**/*.process.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'], isolate: false },
      },
    ],
  },
}));
