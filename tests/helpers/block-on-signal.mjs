/**
 * Test preload for CLI child processes (NODE_OPTIONS=--import=<this file>): on SIGUSR2 the main
 * thread busy-waits BW_TEST_BLOCK_MS milliseconds (default 3000), as a page that takes minutes to
 * parse would block it. Says so on stderr first (a pipe: written at once), so a test can wait for it.
 */
process.on('SIGUSR2', () => {
  const blockMs = Number(process.env.BW_TEST_BLOCK_MS ?? 3000);
  process.stderr.write(`test: event loop blocked for ${blockMs} ms\n`);
  const end = Date.now() + blockMs;
  while (Date.now() < end) {
    // busy: no timer, no I/O callback of this thread runs
  }
  process.stderr.write('test: event loop free again\n');
});
