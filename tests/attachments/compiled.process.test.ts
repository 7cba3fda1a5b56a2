import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { makeOfd } from './helpers/office-writers.js';
import { cidFontPdf } from './helpers/pdf-writer.js';

// The published package runs the worker from compiled JavaScript (dist/attachments/worker/entry.js),
// a different path from the tsx shim the other tests use. So the library is driven from dist (built
// once by the process project's global setup) in a plain Node child process.
const run = promisify(execFile);

describe('the compiled library', () => {
  it('reads in a worker started from compiled JavaScript, and an idle worker does not keep the process alive', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pdf.bin'), cidFontPdf(['编译后的库照常读取']));
    writeFileSync(join(dir, 'ofd.bin'), makeOfd([[{ x: 10, y: 10, text: '版式文件' }]]));
    const script = `
      import { readFileSync } from 'node:fs';
      import { createAttachmentReader } from ${JSON.stringify(join(REPO_ROOT, 'dist/attachments/index.js'))};
      const reader = createAttachmentReader();
      const out = [];
      for (const name of ['pdf.bin', 'ofd.bin']) {
        const r = await reader.read(readFileSync(${JSON.stringify(dir)} + '/' + name));
        out.push([r.kind, r.status, r.text || r.error]);
      }
      console.log(JSON.stringify(out));
      // No reader.close(): the idle worker is unref'd, so the process must end on its own.
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual([
      ['pdf', 'ok', '编译后的库照常读取'],
      ['ofd', 'ok', '版式文件'],
    ]);
  });
});
