import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteChangesDir, demoSiteDir } from '../../src/demo/server.js';
import { renderExpected, renderSite, renderSiteChanges } from '../../src/demo/site-src/render.js';

/** The committed site and expectations must be exactly what the generator makes; else rerun build-site. */
describe('committed demo site is up to date with src/demo/site-src', () => {
  const hint = 'rerun: node --import tsx src/demo/build-site.ts';

  it('has the same files with the same bytes', () => {
    const root = demoSiteDir();
    const onDisk = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => statSync(join(root, file)).isFile())
      .map((file) => file.split('\\').join('/'))
      .sort();
    const rendered = renderSite();
    expect(onDisk, hint).toEqual(rendered.map((file) => file.path).sort());
    for (const file of rendered) {
      expect(readFileSync(join(root, file.path)).equals(file.bytes), `${file.path}: ${hint}`).toBe(true);
    }
  });

  it("has the same second edition (the demo's later passes): changed files and removed paths", () => {
    const root = join(demoSiteChangesDir(), 'files');
    const onDisk = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => statSync(join(root, file)).isFile())
      .map((file) => file.split('\\').join('/'))
      .sort();
    const changes = renderSiteChanges();
    expect(onDisk, hint).toEqual(changes.files.map((file) => file.path).sort());
    for (const file of changes.files) {
      expect(readFileSync(join(root, file.path)).equals(file.bytes), `${file.path}: ${hint}`).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(demoSiteChangesDir(), 'removed.json'), 'utf8')), hint).toEqual(changes.removed);
  });

  it('has the same expectations file', () => {
    const committed = JSON.parse(readFileSync(new URL('../fixtures/demo-expected.json', import.meta.url), 'utf8'));
    expect(committed, hint).toEqual(renderExpected());
  });
});
