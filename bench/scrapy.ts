/**
 * The Scrapy peer (bench/scenarios/scrapy_spider.py), run when a Python with Scrapy is found:
 * the system's /usr/bin/python3 first (Debian's python3-scrapy installs there, while a pyenv or
 * venv python3 may come first on PATH without it, or with a Scrapy that does not run), then
 * `python3` and `python` on PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured, type ChildMeasure } from './child.js';
import type { ScenarioArgs } from './scenarios/args.js';

const CANDIDATES = ['/usr/bin/python3', 'python3', 'python'];

/** The first Python that imports scrapy, with its Scrapy version; null when none does. */
export function findScrapyPython(): { python: string; version: string } | null {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import scrapy; print(scrapy.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return null;
}

export async function runScrapySpider(python: string, args: ScenarioArgs): Promise<ChildMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-scrapy-'));
  try {
    const env = { BENCH_ARGS: JSON.stringify({ ...args, database: join(dir, 'pages.db') }) };
    return await runMeasured(python, ['bench/scenarios/scrapy_spider.py'], { env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
