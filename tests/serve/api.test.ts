import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/archive.js';
import { HOSTILE_TITLE, PLAN_URL, get, serveArchive } from './serve-archive.js';

/** The fields of the API's items these tests read (records, history entries, events, source stats). */
interface Item {
  id: string;
  title: string;
  type: string;
  version: number;
  summary: string;
  source: string;
  name: string;
  documents: { total: number };
}

async function json(app: Parameters<typeof get>[0], path: string): Promise<{ status: number; body: ReturnType<typeof JSON.parse>; response: Response }> {
  const { response, body } = await get(app, path);
  expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
  return { status: response.status, body: JSON.parse(body), response };
}

describe('serve: JSON API (in process)', () => {
  it('search: document records with a plain-marked snippet, filters as in the CLI', async () => {
    const { app, hostileId } = serveArchive();
    const { status, body } = await json(app, `/api/search?q=${encodeURIComponent('双减')}`);
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ id: hostileId, source: 'alpha', title: HOSTILE_TITLE, version: 1, status: 'active', duplicateOf: null });
    expect(body[0].snippet).toContain('[双减]');
    expect((await json(app, `/api/search?q=${encodeURIComponent('通知')}&source=beta`)).body.map((r: Item) => r.title)).toEqual(['乙局通知']);
    expect((await json(app, `/api/search?q=${encodeURIComponent('通知')}&limit=1`)).body).toHaveLength(1);
    const missing = await json(app, '/api/search');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'q (the words to find) is required' });
    expect((await json(app, '/api/search?q=x&limit=0')).status).toBe(400);
  });

  it('show: the record with provenance, by id or URL, at any version; 404 for an unknown one', async () => {
    const { app, planId, hostileId } = serveArchive();
    const { body } = await json(app, `/api/show?id=${hostileId}`);
    expect(body.provenance).toMatchObject({ title: 'h1', 'fields.publisher': 'label:发布机构' });
    expect(body.fields.publisher).toBe('<script>alert("publisher")</script>教育局');
    const byUrl = await json(app, `/api/show?id=${encodeURIComponent(PLAN_URL)}&version=1`);
    expect(byUrl.body).toMatchObject({ id: planId, version: 1, title: '2024年工作计划', fields: { validity: '有效' } });
    const unknown = await json(app, '/api/show?id=ffffffffffffffff');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('no document with id or URL "ffffffffffffffff"');
    expect((await json(app, `/api/show?id=${planId}&version=7`)).status).toBe(404);
    expect((await json(app, '/api/show')).status).toBe(400);
  });

  it('history: the versions with what changed', async () => {
    const { app, planId } = serveArchive();
    const { body } = await json(app, `/api/history?id=${planId}`);
    expect(body.map((entry: Item) => [entry.version, entry.summary === 'created'])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(body[1].changes).toMatchObject({ titleChanged: true, fieldsChanged: ['validity'], paragraphsAdded: 2, paragraphsRemoved: 1 });
  });

  it('events: oldest first, by type, paged with a Link to the next page (since = the last id, as in the CLI)', async () => {
    const { app, test } = serveArchive();
    const all = await json(app, '/api/events');
    expect(all.body.map((event: Item) => event.type)).toEqual(['document.created', 'document.created', 'document.created', 'document.updated']);
    expect(Object.keys(all.body[0])).toEqual(['id', 'type', 'at', 'source', 'documentId', 'url', 'title', 'version', 'alerts']);
    expect(all.response.headers.get('link')).toBeNull();
    const firstTwo = await json(app, '/api/events?limit=2');
    expect(firstTwo.body).toHaveLength(2);
    const next = /^<([^>]+)>; rel="next"$/.exec(firstTwo.response.headers.get('link') ?? '')?.[1];
    expect(next).toBe(`/api/events?since=${firstTwo.body[1].id}&limit=2`);
    const rest = await json(app, next!);
    expect(rest.body.map((event: Item) => event.id)).toEqual(all.body.slice(2).map((event: Item) => event.id));
    expect((await json(app, '/api/events?type=document.updated')).body).toHaveLength(1);
    expect((await json(app, '/api/events?since=nope')).status).toBe(400);
    test.record(snapshot('http://alpha.example/late.html', { title: '后来的', text: '后来的正文' }));
    expect((await json(app, `/api/events?since=${all.body[3].id}`)).body.map((event: Item) => event.title)).toEqual(['后来的']);
  });

  it('stats: one object per source, configured ones first', async () => {
    const { app } = serveArchive();
    const { body } = await json(app, '/api/stats');
    expect(body.map((source: Item) => [source.source, source.name, source.documents.total])).toEqual([
      ['alpha', '甲区教育局', 2],
      ['beta', '乙区教育局', 1],
    ]);
    expect(body[0].lastRun).toMatchObject({ id: 1, status: 'ok' });
  });
});

describe('serve: Atom feeds (in process)', () => {
  it('everything, per source and per alert, as Atom with its content type and a self link', async () => {
    const { app } = serveArchive();
    const all = await get(app, '/feeds/all.atom');
    expect(all.response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseAtomFeed(all.body);
    expect(feed.entries).toHaveLength(4);
    expect(feed.links?.find((link) => link.rel === 'self')?.href).toBe('http://localhost/feeds/all.atom');
    expect(parseAtomFeed((await get(app, '/feeds/sources/beta.atom')).body).entries?.map((entry) => entry.title)).toEqual([
      { type: 'text', value: '【新发布】乙局通知' },
    ]);
    expect(parseAtomFeed((await get(app, '/feeds/alerts/new-plan.atom')).body).entries).toHaveLength(1);
    // a configured rule nothing matched yet: an empty feed, not an error
    expect(parseAtomFeed((await get(app, '/feeds/alerts/quiet-rule.atom')).body).entries ?? []).toHaveLength(0);
    expect(parseAtomFeed((await get(app, '/feeds/all.atom?limit=2')).body).entries).toHaveLength(2);
  });

  it('an unknown source or alert is a 404, not an empty feed', async () => {
    const { app } = serveArchive();
    expect((await get(app, '/feeds/sources/nope.atom')).response.status).toBe(404);
    expect((await get(app, '/feeds/alerts/nope.atom')).response.status).toBe(404);
    expect((await get(app, '/feeds/all.atom?limit=0')).response.status).toBe(400);
  });
});
