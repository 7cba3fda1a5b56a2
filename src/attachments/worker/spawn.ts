/**
 * Starts a reading worker from wherever this module runs. From the compiled package (dist/…/spawn.js)
 * the worker is dist/…/entry.js. From the TypeScript sources (tsx, vitest), Node cannot load entry.ts on
 * its own, so the worker starts from a one-line CommonJS shim that registers tsx's loader first; tsx is a
 * dev dependency and is only ever needed in that case.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const runningFromSources = import.meta.url.endsWith('.ts');

export function spawnReadingWorker(resourceLimits: ResourceLimits): Worker {
  // The caller's Node flags are not the worker's business (`--input-type`, for one, makes a worker fail).
  const options = { resourceLimits, execArgv: [] };
  if (!runningFromSources) return new Worker(new URL('./entry.js', import.meta.url), options);
  const entry = new URL('./entry.ts', import.meta.url).href;
  const shim = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(shim, { ...options, eval: true });
}

/**
 * The ES-module build of `tsx/esm/api` (its CommonJS build cannot register from an eval'd worker), found
 * through tsx's own export map so the worker does not depend on the current directory.
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import: { default: string } }> };
  const target = manifest.exports['./esm/api']?.import.default;
  if (!target) throw new Error('expected tsx to export ./esm/api, it does not: cannot run the worker from sources');
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}
