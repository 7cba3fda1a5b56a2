/**
 * Starts a worker thread from a module beside the caller, wherever the caller runs. From the compiled
 * package (dist/…/x.js) the worker is the sibling .js file. From the TypeScript sources (tsx, vitest),
 * Node cannot load a .ts entry on its own, so the worker starts from a one-line shim that registers
 * tsx's loader first; tsx is a dev dependency and is only ever needed in that case.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `callerUrl` is the caller's `import.meta.url`, `entry` the worker module's path relative to it,
 * without extension (`./worker/entry`). The caller's Node flags are not the worker's business
 * (`--input-type`, for one, makes a worker fail), so execArgv is empty unless given.
 */
export function spawnSiblingWorker(callerUrl: string, entry: string, options: WorkerOptions = {}): Worker {
  const settings: WorkerOptions = { execArgv: [], ...options };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, callerUrl), settings);
  const source = new URL(`${entry}.ts`, callerUrl).href;
  const shim = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(shim, { ...settings, eval: true });
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
