import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfd } from './helpers/office-writers.js';
import { cidFontPdf } from './helpers/pdf-writer.js';

// The published package runs the worker from compiled JavaScript (dist/attachments/worker/entry.js),
// a different path from the tsx shim the other tests use. So the library is compiled here, inside the
// repository (so its imports resolve from node_modules), and driven from a plain Node child process.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', `attachments-compiled-test-${process.pid}`);

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const options = ['--outDir', outDir, '--rootDir', join(root, 'src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext'];
  // --noCheck: the type check is `npm run typecheck`'s job; here only the emitted JavaScript matters.
  const strictness = ['--target', 'ES2022', '--noCheck', '--skipLibCheck', '--esModuleInterop', '--types', 'node'];
  await run(process.execPath, [tsc, ...options, ...strictness, join(root, 'src/attachments/index.ts'), join(root, 'src/attachments/worker/entry.ts')]);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the compiled library', () => {
  it('reads in a worker started from compiled JavaScript, and an idle worker does not keep the process alive', async () => {
    writeFileSync(join(outDir, 'pdf.bin'), cidFontPdf(['编译后的库照常读取']));
    writeFileSync(join(outDir, 'ofd.bin'), makeOfd([[{ x: 10, y: 10, text: '版式文件' }]]));
    const script = `
      import { readFileSync } from 'node:fs';
      import { createAttachmentReader } from ${JSON.stringify(join(outDir, 'attachments/index.js'))};
      const reader = createAttachmentReader();
      const out = [];
      for (const name of ['pdf.bin', 'ofd.bin']) {
        const r = await reader.read(readFileSync(${JSON.stringify(outDir)} + '/' + name));
        out.push([r.kind, r.status, r.text || r.error]);
      }
      console.log(JSON.stringify(out));
      // No reader.close(): the idle worker is unref'd, so the process must end on its own.
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: outDir, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual([
      ['pdf', 'ok', '编译后的库照常读取'],
      ['ofd', 'ok', '版式文件'],
    ]);
  });
});
