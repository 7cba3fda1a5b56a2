/**
 * Attachments in alert rules (their names and kinds) and in duplicate detection: the seed 普陀 case,
 * a bureau's two-line cover notice whose plan is an attachment, and a blog repost that inlines the
 * plan, crawled in either order, end up linked to the notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../src/archive/event-draft.js';
import { compileAlertRules } from '../../src/events/alerts.js';
import { listEvents } from '../../src/events/outbox.js';
import { crawlHarness } from '../helpers/crawl.js';
import { docPath, listPage } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { makeDocx } from './helpers/office-writers.js';
import { cidFontPdf } from './helpers/pdf-writer.js';
import { inProcessReader } from './helpers/read.js';
import { serveFile, serveNotices, standardFiles } from './helpers/notice-site.js';

let site: TestSite;
afterEach(async () => {
  await site?.close();
});
const reader = inProcessReader();

describe('alert rules on attachments', () => {
  const draft = (attachments: EventDraft['attachments']): EventDraft => ({
    type: 'document.created',
    at: '2025-03-08T00:00:00Z',
    source: 's',
    documentId: 'd',
    url: 'http://x/1',
    title: '关于印发的通知',
    version: 1,
    attachments,
  });
  const match = compileAlertRules([
    { name: 'plan-pdf', on: ['document.created'], attachmentPattern: '工作要点', attachmentTypes: ['pdf', 'ofd'] },
    { name: 'any-sheet', on: ['document.created'], attachmentTypes: ['xlsx', 'xls'] },
  ]);

  it('match the name and the kind of one attachment (by its bytes; by its extension when none were fetched)', () => {
    expect(match(draft([{ name: '2025年工作要点.pdf', url: 'http://x/a', mediaType: 'application/pdf' }]))).toEqual(['plan-pdf']);
    expect(match(draft([{ name: '2025年工作要点', url: 'http://x/a.ofd', mediaType: null }]))).toEqual(['plan-pdf']);
    // A .pdf link that served a DOCX is a DOCX; the name and the kind must hold for the same attachment.
    expect(
      match(draft([{ name: '工作要点.pdf', url: 'http://x/a', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }])),
    ).toEqual([]);
    expect(
      match(
        draft([
          { name: '工作要点.docx', url: 'http://x/a', mediaType: null },
          { name: '名单.pdf', url: 'http://x/b', mediaType: 'application/pdf' },
        ]),
      ),
    ).toEqual([]);
    expect(match(draft([{ name: '名单', url: 'http://x/c', mediaType: 'application/vnd.ms-excel' }]))).toEqual(['any-sheet']);
    expect(match(draft([]))).toEqual([]);
  });

  it('an update matches only with the attachments it added or replaced', async () => {
    site = await startTestSite();
    const pdf = { path: '/files/p.pdf', linkText: '2025年工作要点.pdf', bytes: cidFontPdf(['一、总体要求']) };
    const notice = { path: docPath(1), title: '关于印发的通知', files: [pdf, standardFiles()[2]!], marker: '初稿' };
    const column = serveNotices(site, [notice]);
    const h = crawlHarness({
      sources: [{ id: 'att', startUrls: [column] }],
      extra: { alerts: [{ name: 'plan-pdf', on: ['document.created', 'document.updated'], attachmentPattern: '工作要点', attachmentTypes: ['pdf'] }] },
    });
    await h.crawl({ attachmentReader: reader });
    notice.marker = '修订稿'; // the page's text changes, the files do not
    await h.crawl({ attachmentReader: reader });
    serveFile(site, { ...pdf, bytes: cidFontPdf(['一、总体要求', '二、新增内容']) });
    await h.crawl({ attachmentReader: reader });
    expect(listEvents(h.db).map((e) => [e.type, e.alerts])).toEqual([
      ['document.created', ['plan-pdf']],
      ['document.updated', []],
      ['document.updated', ['plan-pdf']],
    ]);
  });
});

// From the seed pages (shared/seeds/002): the plan the 普陀 notice attaches, as the blog reposted it.
const PLAN = [
  '2020年普陀区教育局工作要点',
  '2020年，普陀教育工作要以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中全会精神，深入学习贯彻全国、上海教育大会精神，紧紧围绕率先总体实现教育现代化和建设教育强区的目标，坚持“为每一位学生提供适合的教育和终身学习的机会”的核心理念，全面落实立德树人根本任务。',
  '一、坚持立德树人，健全“五育并举”工作体系',
  '1.深化德育一体化建设。贯彻落实《新时代公民道德建设实施纲要》《新时代爱国主义教育实施纲要》精神，发挥课堂教学主渠道，挖掘各学科尤其是思政课中蕴含的爱国主义教育资源。',
  '2.加强体育美育劳动教育。推进体教结合，落实学生每天校园体育活动一小时，深化艺术教育特色学校建设，开展劳动教育实践活动。',
];
const COVER = '区教育系统各单位：现将《2020年普陀区教育局工作要点》（见附件）印发给你们，请认真学习，遵照执行。';

function page(title: string, published: string, paragraphs: string[], extra = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta name="ArticleTitle" content="${title}">
<meta name="PubDate" content="${published}"></head><body><div class="nav"><a href="/">首页</a></div><h1>${title}</h1>
<div class="article"><div id="zoom">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>${extra}</body></html>`;
}

describe("a page that inlines another document's attachment is its copy", () => {
  const noticePath = docPath(1);
  const repostPath = docPath(2);
  let h: ReturnType<typeof crawlHarness> | undefined;
  afterEach(() => {
    h = undefined;
  });
  /** Lists these documents on the column; the archive is the test's one (made on first use). */
  function serve(paths: string[]): { h: ReturnType<typeof crawlHarness>; ids: () => Record<string, { id: string; duplicateOf: string | null }> } {
    site.routes.set('/col/notices/index.html', () => ({
      body: listPage(paths.map((href) => ({ href, title: '2020年普陀区教育局工作要点', date: '2020-03-30' }))),
    }));
    h ??= crawlHarness({ sources: [{ id: 'putuo', startUrls: [`${site.baseUrl}/col/notices/index.html`] }] });
    const harness = h;
    return {
      h: harness,
      ids: () =>
        Object.fromEntries(
          (
            harness.db.prepare('SELECT url, id, duplicate_of AS duplicateOf FROM documents').all() as { url: string; id: string; duplicateOf: string | null }[]
          ).map((row) => [new URL(row.url).pathname, row]),
        ),
    };
  }

  async function putuoSite(): Promise<void> {
    site = await startTestSite();
    site.routes.set(noticePath, {
      body: page(
        '关于印发《2020年普陀区教育局工作要点》的通知',
        '2020-03-12',
        [COVER, '普陀区教育局 2020年3月12日'],
        '<p><a href="/files/2020gzyd.docx">附件：2020年普陀区教育局工作要点.docx</a></p>',
      ),
    });
    site.routes.set('/files/2020gzyd.docx', { body: Buffer.from(makeDocx(PLAN)), contentType: 'application/octet-stream' });
    site.routes.set(repostPath, {
      body: page('2020年上海市普陀区教育局工作要点', '2020-03-30', ['上海职业教育 admin 5年前 (2020-03-30) 117次浏览 0个评论', COVER, '—附件：', ...PLAN]),
    });
  }

  it('the repost crawled after the notice links to the notice', async () => {
    await putuoSite();
    const { h, ids } = serve([noticePath]);
    await h.crawl({ attachmentReader: reader });
    serve([noticePath, repostPath]);
    await h.crawl({ attachmentReader: reader });
    const docs = ids();
    expect(docs[repostPath]!.duplicateOf).toBe(docs[noticePath]!.id);
    expect(docs[noticePath]!.duplicateOf).toBeNull();
  });

  it('the notice crawled after the repost becomes the original (published first)', async () => {
    await putuoSite();
    const first = serve([repostPath]);
    await first.h.crawl({ attachmentReader: reader });
    serve([noticePath, repostPath]);
    await first.h.crawl({ attachmentReader: reader });
    const docs = first.ids();
    expect(docs[repostPath]!.duplicateOf).toBe(docs[noticePath]!.id);
    expect(docs[noticePath]!.duplicateOf).toBeNull();
  });

  it('two notices attaching the same file are not copies of each other', async () => {
    await putuoSite();
    site.routes.set(repostPath, {
      body: page(
        '关于转发工作要点的通知',
        '2020-03-20',
        ['各校：现转发区教育局工作要点，请结合实际抓好落实。'],
        '<p><a href="/files/2020gzyd.docx">附件：工作要点.docx</a></p>',
      ),
    });
    const { h, ids } = serve([noticePath, repostPath]);
    await h.crawl({ attachmentReader: reader });
    expect(Object.values(ids()).map((doc) => doc.duplicateOf)).toEqual([null, null]);
  });
});
