import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { CrawlProgress } from '../../src/progress/progress.js';

describe('CrawlProgress', () => {
  it('draws one live line on a terminal, in place, and clears it when stopped', () => {
    let written = '';
    const terminal = { isTTY: true, columns: 80, write: (chunk: string) => ((written += chunk), true) } as unknown as NodeJS.WriteStream;
    const progress = new CrawlProgress({ log: createLogger('silent'), intervalMs: 60_000, stream: terminal });
    const alpha = progress.source('alpha');
    alpha.queued(['http://x/1', 'http://x/2', 'http://x/2', 'http://x/3']);
    alpha.pageDone();
    progress.source('beta').queued(['http://y/1']);
    (progress as unknown as { live: { draw(): void } }).live.draw();
    expect(written).toMatch(/^\r\u001b\[2Kalpha: 1 done, 2 queued, [\d.]+ pages\/s \| beta: 0 done, 1 queued, 0 pages\/s\r$/);
    progress.finishSource('alpha');
    written = '';
    (progress as unknown as { live: { draw(): void } }).live.draw();
    expect(written).toMatch(/^\r\u001b\[2Kbeta: 0 done/);
    progress.stop();
    expect(written.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('draws nothing when stderr is not a terminal', () => {
    let written = '';
    const pipe = { isTTY: false, write: (chunk: string) => ((written += chunk), true) } as unknown as NodeJS.WriteStream;
    const progress = new CrawlProgress({ log: createLogger('silent'), intervalMs: 60_000, stream: pipe });
    progress.source('alpha').pageDone();
    progress.stop();
    expect(written).toBe('');
  });
});
