/**
 * Test preload for CLI child processes (NODE_OPTIONS=--import=<this file>): on SIGUSR2 the main
 * thread blocks until the file BW_TEST_UNBLOCK_FILE exists (at most BW_TEST_BLOCK_MS, default
 * 60000), as a page that takes minutes to parse would block it. It sleeps in Atomics.wait between
 * looks at the file, so no timer or I/O callback of this thread runs, without spinning a core the
 * rest of the suite needs. The test says when the block ends, so a slow machine cannot end it early.
 * Says so on stderr (a pipe: written at once), so a test can wait for it.
 */
import { existsSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const unblockFile = process.env.BW_TEST_UNBLOCK_FILE;
  const end = Date.now() + Number(process.env.BW_TEST_BLOCK_MS ?? 60_000);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  process.stderr.write('test: event loop blocked\n');
  while (Date.now() < end && !(unblockFile && existsSync(unblockFile))) {
    Atomics.wait(sleeper, 0, 0, 10); // the thread sleeps: nothing else of it runs
  }
  process.stderr.write('test: event loop free again\n');
});
