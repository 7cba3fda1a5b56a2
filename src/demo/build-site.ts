/**
 * Regenerates the bundled demo site (src/demo/site/), its second edition as changes
 * (src/demo/site-changes/: files/ new or changed, removed.json) and its expectations
 * (tests/fixtures/demo-expected.json) from src/demo/site-src/.
 *   node --import tsx src/demo/build-site.ts
 * Commit the output with the change that caused it; tests/demo/site-build.test.ts fails when they drift.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSiteChangesDir, demoSiteDir } from './server.js';
import { renderExpected, renderSite, renderSiteChanges } from './site-src/render.js';

const siteDir = demoSiteDir();
const expectedFile = fileURLToPath(new URL('../../tests/fixtures/demo-expected.json', import.meta.url));

const files = renderSite();
rmSync(siteDir, { recursive: true, force: true });
for (const file of files) {
  const target = join(siteDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.bytes);
}
const changes = renderSiteChanges();
const changesDir = demoSiteChangesDir();
rmSync(changesDir, { recursive: true, force: true });
for (const file of changes.files) {
  const target = join(changesDir, 'files', file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.bytes);
}
writeFileSync(join(changesDir, 'removed.json'), `${JSON.stringify(changes.removed, null, 2)}\n`);
mkdirSync(dirname(expectedFile), { recursive: true });
writeFileSync(expectedFile, `${JSON.stringify(renderExpected(), null, 2)}\n`);
process.stdout.write(`wrote ${files.length} files to ${siteDir}, ${changes.files.length} changed files to ${changesDir}, and ${expectedFile}\n`);
