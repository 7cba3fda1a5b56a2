import { afterEach, describe, expect, it } from 'vitest';
import { decideHealth, type HealthInput } from '../../src/crawl/source-health.js';
import { listEvents } from '../../src/events/outbox.js';
import { emptyCounts } from '../../src/store/runs.js';
import { HEALTHY } from '../../src/store/source-health.js';
import { coverageEvents } from '../../src/stats/health.js';
import { crawlHarness, serveDocuments } from '../helpers/crawl.js';
import { listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

const AT = '2024-03-08T01:00:00.000Z';
const FAILED = { outcome: 'failed' as const, reason: 'http://x/col/ answered 404 (check startUrls)' };
const OK = { outcome: 'ok' as const, reason: null };

function input(overrides: Partial<HealthInput>): HealthInput {
  return { sourceId: 's', outcome: OK, counts: { ...emptyCounts(), listed: 5 }, documents: 5, before: HEALTHY, silentAfterRuns: 3, at: AT, ...overrides };
}

/** Runs the decision over a sequence of runs, returning the event types each raised. */
function sequence(runs: Partial<HealthInput>[]): string[][] {
  let state = HEALTHY;
  return runs.map((run) => {
    const decision = decideHealth(input({ ...run, before: state }));
    state = decision.after;
    return decision.events.map((event) => event.type);
  });
}

describe('health decisions', () => {
  it('raises source.failed once per streak of failed runs, then source.recovered once', () => {
    expect(sequence([{ outcome: FAILED }, { outcome: FAILED }, { outcome: FAILED }, {}, {}, { outcome: FAILED }])).toEqual([
      ['source.failed'],
      [],
      [],
      ['source.recovered'],
      [],
      ['source.failed'],
    ]);
    const [failed] = decideHealth(input({ outcome: FAILED })).events;
    expect(failed).toEqual({ type: 'source.failed', at: AT, source: 's', reason: FAILED.reason });
  });

  it('raises source.silent once when a source holding documents lists none for silentAfterRuns runs', () => {
    const empty = { counts: { ...emptyCounts(), listed: 0 } };
    expect(sequence([empty, empty, empty, empty, {}, empty, empty, empty])).toEqual([[], [], ['source.silent'], [], [], [], [], ['source.silent']]);
    // A source that never yielded a document is not silent: it is new, or its config never worked.
    expect(
      sequence([
        { ...empty, documents: 0 },
        { ...empty, documents: 0 },
        { ...empty, documents: 0 },
      ]),
    ).toEqual([[], [], []]);
  });

  it('words a coverage collapse as source.silent naming the items', () => {
    const drops = [
      { source: 's', runId: 7, item: 'fields.indexNo', before: 0.95, after: 0, sample: { run: 6, before: 20 } },
      { source: 's', runId: 7, item: 'record.text', before: 1, after: 0.1, sample: { run: 6, before: 20 } },
    ];
    expect(coverageEvents(drops, AT)).toEqual([
      {
        type: 'source.silent',
        at: AT,
        source: 's',
        reason: 'field coverage of its new versions collapsed in run 7: fields.indexNo 95% → 0%, record.text 100% → 10%; the site may have been redesigned',
      },
    ]);
  });
});

describe('health events of real crawls', () => {
  let site: TestSite;
  afterEach(async () => {
    await site?.close();
  });

  it('records source.failed (matching an alert rule) once, source.recovered when it works again, source.silent when its list empties', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 2);
    site.routes.set('/col/c/index.html', { body: listPage(items) });
    serveDocuments(site, items);
    const h = crawlHarness({
      sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }],
      fetch: { maxRetries: 0 },
      extra: {
        health: { silentAfterRuns: 2 },
        alerts: [
          { name: 'ops', on: ['source.failed', 'source.recovered', 'source.silent'] },
          { name: 'plans', titlePattern: '计划' },
        ],
      },
    });
    await h.crawl();
    site.routes.set('/col/c/index.html', { status: 404, body: 'gone' });
    await h.crawl();
    await h.crawl();
    site.routes.set('/col/c/index.html', { body: listPage(items) });
    await h.crawl();
    site.routes.set('/col/c/index.html', { body: listPage([]) });
    await h.crawl();
    await h.crawl();
    await h.crawl();

    const health = listEvents(h.db).filter((event) => event.type.startsWith('source.'));
    expect(health.map((event) => [event.type, event.alerts])).toEqual([
      ['source.failed', ['ops']],
      ['source.recovered', ['ops']],
      ['source.silent', ['ops']],
    ]);
    expect(health[0]).toMatchObject({ source: 'c', reason: `${site.baseUrl}/col/c/index.html answered 404 (check startUrls)` });
    expect(health[0]).not.toHaveProperty('documentId');
    expect(health[1]).toMatchObject({ reason: 'start URLs read again after 2 failed run(s)' });
    expect(health[2]).toMatchObject({
      reason: expect.stringMatching(/^its lists offered no document in 2 runs in a row \(the archive holds 2 of it\)/) as unknown,
    });
    expect(h.db.prepare("SELECT outcome FROM source_outcomes WHERE source_id = 'c' ORDER BY run_id").pluck().all()).toEqual([
      'ok',
      'failed',
      'failed',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
  });
});
