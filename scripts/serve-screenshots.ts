/**
 * Screenshots of the web view for the README (docs/serve-*.png): the bundled replica site crawled
 * twice, the second time with one page revised (so it has a history and a diff), served read-only,
 * photographed in the system Chromium. Run: node --import tsx scripts/serve-screenshots.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrawl } from '../src/crawl/run-crawl.js';
import { demoConfig } from '../src/demo/run-demo.js';
import { demoSiteDir, startStaticSite } from '../src/demo/server.js';
import { createLogger } from '../src/log.js';
import { createServeApp } from '../src/serve/app.js';
import { startServer } from '../src/serve/server.js';
import { openDatabase } from '../src/store/database.js';
import { installedChromium, launchChromium } from '../tests/serve/chromium.js';

const REVISED_PAGE = '/art/2021/2/18/art_1001_3001.html';

/** The revision: one paragraph reworded, one added. */
function revise(original: Buffer | null): string {
  return (original ?? Buffer.alloc(0))
    .toString('utf8')
    .replace('编制完成新一轮教育设施布局规划', '修订完成新一轮教育设施布局规划（2021—2025年）')
    .replace(
      '全面提增社会教育满意度。</p>',
      '全面提增社会教育满意度。</p>\n<p>6.高水平推进教育数字化。建设区域教育数据中心，推进智慧校园建设全覆盖，提升师生信息素养。</p>',
    );
}

async function main(): Promise<void> {
  const executable = installedChromium();
  if (!executable) throw new Error('no Chromium on PATH: apt-get install chromium');
  const dir = mkdtempSync(join(tmpdir(), 'bw-screens-'));
  const log = createLogger('warn');
  const site = await startStaticSite(demoSiteDir());
  const config = demoConfig(site.baseUrl, join(dir, 'demo.db'));
  const writer = openDatabase(config.database);
  await runCrawl(writer, config, config.sources, log);
  site.overrides.set(REVISED_PAGE, { body: revise });
  await runCrawl(writer, config, config.sources, log);
  await site.close();
  const revisedId = writer.prepare('SELECT id FROM documents WHERE url LIKE ?').pluck().get(`%${REVISED_PAGE}`) as string;
  writer.close();

  const db = openDatabase(config.database, { readonly: true });
  const app = createServeApp(
    { db, log, sources: config.sources.map(({ id, name }) => ({ id, name })), alerts: config.alerts.map((a) => a.name) },
    { loopbackOnly: true },
  );
  const server = await startServer(app, '127.0.0.1', 0);
  const browser = await launchChromium(executable, { width: 1200, height: 860 });
  try {
    const page = await browser.context.newPage();
    const shots: [string, string][] = [
      ['search', `?q=${encodeURIComponent('教育 规划')}`],
      ['document', `documents/${revisedId}`],
      ['diff', `documents/${revisedId}/diff?from=1&to=2&view=side`],
      ['health', 'sources/demo-edu'],
    ];
    for (const [name, path] of shots) {
      await page.goto(`${server.url}${path}`);
      await page.screenshot({ path: join('docs', `serve-${name}.png`) });
      console.log(`docs/serve-${name}.png  ← ${path}`);
    }
  } finally {
    await browser.close();
    await server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
