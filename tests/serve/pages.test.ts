import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { STYLESHEET_PATH } from '../../src/serve/stylesheet.js';
import { snapshot } from '../helpers/archive.js';
import { HOSTILE_TITLE, PLAN_URL, get, serveArchive } from './serve-archive.js';

/** Hostile markup must come out as text: never as a tag a browser would build. */
function expectNoInjectedMarkup(body: string): void {
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/<img/i);
  expect(body).not.toMatch(/href="javascript:/i);
}

describe('serve: pages (in process)', () => {
  it('search: hits with highlighted snippets, filters, and titles escaped', async () => {
    const { app, hostileId } = serveArchive();
    const { response, body } = await get(app, `/?q=${encodeURIComponent('双减')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    const $ = cheerio.load(body);
    expect($('ol.hits li')).toHaveLength(1);
    expect($('ol.hits a.title').attr('href')).toBe(`/documents/${hostileId}`);
    expect($('ol.hits a.title').text()).toBe(HOSTILE_TITLE);
    expect($('ol.hits .snippet mark').first().text()).toBe('双减');
    expectNoInjectedMarkup(body);
    expect(body).toContain('&lt;script&gt;window.__pwned');
    expect($('link[rel="stylesheet"]').attr('href')).toBe(STYLESHEET_PATH);
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('/feeds/all.atom');
  });

  it('search filters: source, dates and field=value narrow as in the CLI; the form keeps them', async () => {
    const { app } = serveArchive();
    const titles = async (query: string) =>
      cheerio
        .load((await get(app, `/?${query}`)).body)('ol.hits a.title')
        .map((_, a) => cheerio.load(a).text())
        .get();
    const q = `q=${encodeURIComponent('通知')}`;
    expect(await titles(q)).toHaveLength(2);
    expect(await titles(`${q}&source=beta`)).toEqual(['乙局通知']);
    expect(await titles(`${q}&since=2024-01-01`)).toEqual([HOSTILE_TITLE]);
    expect(await titles(`${q}&until=2023-12-31`)).toEqual(['乙局通知']);
    expect(await titles(`q=${encodeURIComponent('计划')}&field=${encodeURIComponent('validity=失效')}`)).toEqual(['2024年工作计划（修订）']);
    const $ = cheerio.load((await get(app, `/?${q}&source=beta&since=2023-01-01`)).body);
    expect($('select[name="source"] option[selected]').attr('value')).toBe('beta');
    expect($('input[name="since"]').attr('value')).toBe('2023-01-01');
  });

  it('search without a query lists the sources; a bad filter is a 400 naming the parameter', async () => {
    const { app } = serveArchive();
    const $ = cheerio.load((await get(app, '/')).body);
    expect($('table a[href="/sources/alpha"]').text()).toBe('alpha');
    const bad = await get(app, '/search?q=x&since=2024-13-45');
    expect(bad.response.status).toBe(400);
    expect(cheerio.load(bad.body)('main p').first().text()).toBe('since expects a date as YYYY-MM-DD, got "2024-13-45"');
    expect((await get(app, '/?q=x&field=nokey')).body).toContain('field expects key=value');
  });

  it('document: facts, fields with provenance, labels, attachments, text, links to the original and the archived copy', async () => {
    const { app, hostileId } = serveArchive();
    const { response, body } = await get(app, `/documents/${hostileId}`);
    expect(response.status).toBe(200);
    const $ = cheerio.load(body);
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    expect($('title').text()).toBe(`${HOSTILE_TITLE} · bureau-watch`);
    const fieldRows = $('h2:contains("Fields") + table tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('td')
          .map((__, td) => $(td).text())
          .get(),
      ])
      .get<string[]>();
    expect(fieldRows).toContainEqual(['publisher', '<script>alert("publisher")</script>教育局', 'label:发布机构']);
    expect(fieldRows).toContainEqual(['title', HOSTILE_TITLE, 'h1']);
    expect(fieldRows).toContainEqual(['indexNo', '014/2024-001', '—']);
    expect(
      $('.text p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['第一段<img src=x onerror="window.__pwned = \'text\'">双减', '第二段 "quoted" & <i>ampersand</i>']);
    expect($('p.url a.external').attr('href')).toBe('http://alpha.example/art/2024/hostile.html');
    expect($('p.url a.external').attr('rel')).toBe('noopener noreferrer nofollow');
    expect($(`a[href="/documents/${hostileId}/versions/1/archived"]`)).toHaveLength(1);
    expect($(`a[href="/documents/${hostileId}/versions/1/archived.txt"]`)).toHaveLength(1);
    // a javascript: attachment URL is shown, never linked; an http one is linked
    expect($('span.unfollowable').text()).toBe('附件<script>.pdf');
    expect($('a.external[href="http://alpha.example/files/a.pdf"]').text()).toBe('方案.pdf');
    expect($('link[rel="alternate"][href="/feeds/sources/alpha.atom"]')).toHaveLength(1);
    expectNoInjectedMarkup(body);
  });

  it('document: any version, by number; an unknown document or version is a 404', async () => {
    const { app, planId } = serveArchive();
    const first = cheerio.load((await get(app, `/documents/${planId}?version=1`)).body);
    expect(first('h1').text()).toBe('2024年工作计划');
    expect(first(`a[href="/documents/${planId}?version=2"]`).text()).toContain('version 2');
    expect((await get(app, `/documents/${planId}?version=3`)).response.status).toBe(404);
    expect((await get(app, `/documents/${planId}?version=0`)).response.status).toBe(400);
    const missing = await get(app, '/documents/0000000000000000');
    expect(missing.response.status).toBe(404);
    expect(missing.body).toContain('no document with id &quot;0000000000000000&quot;');
    const byUrl = await app.request(`/documents?id=${encodeURIComponent(`${PLAN_URL}#frag`)}`);
    expect(byUrl.status).toBe(303);
    expect(byUrl.headers.get('location')).toBe(`/documents/${planId}`);
  });

  it('history: every version with what changed, and a picker of any two versions', async () => {
    const { app, planId } = serveArchive();
    const $ = cheerio.load((await get(app, `/documents/${planId}/history`)).body);
    const rows = $('table tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('td')
          .map((__, td) => $(td).text().trim())
          .get(),
      ])
      .get<string[]>();
    expect(rows.map((row) => row[0])).toEqual(['1', '2']);
    expect(rows[0]![4]).toBe('created');
    expect(rows[1]![4]).toMatch(/title/);
    expect($('form select[name="from"] option')).toHaveLength(2);
    expect($(`a[href="/documents/${planId}/diff?from=1&to=2"]`)).toHaveLength(1);
  });

  it('diff: inline by default, side by side on request, with title and field changes', async () => {
    const { app, planId } = serveArchive();
    const inline = cheerio.load((await get(app, `/documents/${planId}/diff?from=1&to=2`)).body);
    expect(
      inline('.diff.inline .line.del')
        .map((_, el) => inline(el).text())
        .get(),
    ).toEqual(['− 主要任务一。']);
    expect(
      inline('.diff.inline .line.add')
        .map((_, el) => inline(el).text())
        .get(),
    ).toEqual(['+ 主要任务一（修订）。', '+ 新增任务二。']);
    expect(
      inline('.diff.inline .line.same')
        .map((_, el) => inline(el).text())
        .get(),
    ).toEqual(['总体要求。', '保障措施。']);
    const header = inline('table.changes tbody tr')
      .map((_, tr) => [
        inline(tr)
          .children()
          .map((__, td) => inline(td).text())
          .get(),
      ])
      .get<string[]>();
    expect(header).toContainEqual(['title', '2024年工作计划', '2024年工作计划（修订）']);
    expect(header).toContainEqual(['fields.validity', '有效', '失效']);
    const side = cheerio.load((await get(app, `/documents/${planId}/diff?from=1&to=2&view=side`)).body);
    const rows = side('table.diff.side tbody tr')
      .map((_, tr) => [
        side(tr)
          .find('td')
          .map((__, td) => `${side(td).attr('class') ?? ''}:${side(td).text()}`)
          .get(),
      ])
      .get<string[]>();
    expect(rows).toEqual([
      ['same:总体要求。', 'same:总体要求。'],
      ['del:主要任务一。', 'add:主要任务一（修订）。'],
      [':', 'add:新增任务二。'],
      ['same:保障措施。', 'same:保障措施。'],
    ]);
    // the same version twice: nothing changed, said so
    expect(
      cheerio
        .load((await get(app, `/documents/${planId}/diff?from=2&to=2`)).body)('main')
        .text(),
    ).toContain('(text unchanged)');
    expect((await get(app, `/documents/${planId}/diff?from=1&to=9`)).response.status).toBe(404);
  });

  it('events: newest first, paged, filtered by type, titles escaped', async () => {
    const { app, test } = serveArchive();
    const $ = cheerio.load((await get(app, '/events')).body);
    const types = $('table tbody tr td:nth-child(2)')
      .map((_, td) => $(td).text())
      .get();
    expect(types).toEqual(['document.updated', 'document.created', 'document.created', 'document.created']);
    expect($('table tbody tr').last().find('td:nth-child(4) a').first().text()).toBe(HOSTILE_TITLE);
    const created = cheerio.load((await get(app, '/events?type=document.created')).body);
    expect(created('table tbody tr')).toHaveLength(3);
    // paging: 60 more events make two pages of 50 and 14
    for (let n = 0; n < 60; n++) test.record(snapshot(`http://alpha.example/art/more/${n}.html`, { title: `更多通知${n}`, text: `更多正文${n}。` }));
    const page1 = cheerio.load((await get(app, '/events')).body);
    expect(page1('table tbody tr')).toHaveLength(50);
    const older = page1('.pager a:contains("older")').attr('href')!;
    const page2 = cheerio.load((await get(app, older)).body);
    expect(page2('table tbody tr')).toHaveLength(14);
    expect(page2('.pager a:contains("older")')).toHaveLength(0);
    expect((await get(app, '/events?type=nope')).response.status).toBe(400);
  });

  it('sources: health of each, and one source with runs, a chart and field coverage', async () => {
    const { app } = serveArchive();
    const list = cheerio.load((await get(app, '/sources')).body);
    expect(
      list('table tbody tr td:first-child')
        .map((_, td) => list(td).text())
        .get(),
    ).toEqual(['alpha', 'beta']);
    const $ = cheerio.load((await get(app, '/sources/alpha')).body);
    expect($('h1').text()).toContain('甲区教育局');
    const runs = $('h2:contains("Last runs") + table');
    const header = runs
      .find('thead th')
      .map((_, th) => $(th).text())
      .get();
    const run = runs
      .find('tbody tr')
      .first()
      .find('td')
      .map((_, td) => $(td).text())
      .get();
    expect(run[0]).toBe('#1');
    expect(run[3]).toBe('ok');
    expect(run[header.indexOf('errors')]).toBe('1'); // errors of alpha in that run
    expect($('figure.chart svg rect.bar')).toHaveLength(2); // 2024-02 and 2024-03
    expect(
      $('figure.chart svg rect.bar title')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['2024-02: 1', '2024-03: 1']);
    const coverage = $('h2:contains("Field coverage") + p + table tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('td')
          .map((__, td) => $(td).text())
          .get()
          .slice(0, 2),
      ])
      .get<string[]>();
    expect(coverage).toContainEqual(['fields.publisher', '50%']);
    expect(coverage).toContainEqual(['record.title', '100%']);
    expect($('link[rel="alternate"][href="/feeds/sources/alpha.atom"]')).toHaveLength(1);
    expect((await get(app, '/sources/nope')).response.status).toBe(404);
  });

  it('the stylesheet is served from our origin with a long cache', async () => {
    const { app } = serveArchive();
    const { response, body } = await get(app, STYLESHEET_PATH);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(body).toContain('.diff .del');
  });
});
