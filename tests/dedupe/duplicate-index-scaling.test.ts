import { describe, expect, it } from 'vitest';
import { BANDS, DuplicateIndex, fingerprint, type Fingerprint, type LookupCost } from '../../src/dedupe/lsh-index.js';
import { duplicateSignatureTables } from '../../src/store/duplicates.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { fixtureText } from '../helpers/texts.js';

/**
 * How much of the index a duplicate lookup reads, at 1k and at 10k documents. The documents are
 * synthetic plans built from the sentences of the seed texts (so, like real plans, many pairs
 * share some boilerplate), made from a fixed-seed random generator: the counts are reproducible.
 */
const SENTENCES = ['plan-binhu-000.txt', 'plan-qianjiang-001.txt', 'blog-repost-putuo-002.txt', 'content-farm-changxing-004.txt']
  .flatMap((name) => fixtureText(name).split(/[。\n]/u))
  .map((sentence) => sentence.trim())
  .filter((sentence) => sentence.length >= 12);

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function syntheticPlan(random: () => number, serial: number): string {
  const picked = Array.from({ length: 8 }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]!);
  return [`第${serial}号文件`, ...picked].join('。\n');
}

/** Fills the index with documents doc-<from> … doc-<to − 1>; returns the text of the last one. */
function fillIndex(db: Db, from: number, to: number, random: () => number): string {
  const index = new DuplicateIndex(duplicateSignatureTables(db));
  db.prepare('INSERT OR IGNORE INTO sources (id, start_urls, created_at, updated_at) VALUES (?, ?, ?, ?)').run('s', '[]', '', '');
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, source_id, url, first_seen_at, last_changed_at, last_checked_at, current_version, content_hash, title_hash)
     VALUES (?, 's', ?, '', '', '', 1, ?, '')`,
  );
  let text = '';
  db.transaction(() => {
    for (let serial = from; serial < to; serial++) {
      const id = `doc-${serial}`;
      text = syntheticPlan(random, serial);
      insertDoc.run(id, `http://example/${serial}`, id);
      index.put(id, fingerprint(text)!);
    }
  })();
  return text;
}

function totalCost(db: Db, probes: Fingerprint[]): LookupCost & { matches: number } {
  const index = new DuplicateIndex(duplicateSignatureTables(db));
  const total = { bandProbes: 0, candidateRows: 0, signaturesCompared: 0, matches: 0 };
  for (const probe of probes) {
    const { matches, cost } = index.lookup(probe);
    total.bandProbes += cost.bandProbes;
    total.candidateRows += cost.candidateRows;
    total.signaturesCompared += cost.signaturesCompared;
    total.matches += matches.length;
  }
  return total;
}

describe('duplicate index lookup cost', () => {
  it('reads a few bucket rows per lookup whether the archive holds 1,000 or 10,000 documents', () => {
    const db = openDatabase(':memory:');
    const random = generator(20240308);
    const probeRandom = generator(7);
    const probes = Array.from({ length: 50 }, (_, n) => fingerprint(syntheticPlan(probeRandom, 1_000_000 + n))!);

    fillIndex(db, 0, 1_000, random);
    const at1k = totalCost(db, probes);
    const lastText = fillIndex(db, 1_000, 10_000, random);
    const at10k = totalCost(db, probes);
    console.info(`duplicate lookups (50 probes): 1k docs → ${JSON.stringify(at1k)}; 10k docs → ${JSON.stringify(at10k)}`);

    // Every lookup is BANDS primary-key probes, at any size…
    expect(at1k.bandProbes).toBe(50 * BANDS);
    expect(at10k.bandProbes).toBe(50 * BANDS);
    // …reading only rows that share a bucket: a full scan would compare 50 × 10,000 signatures.
    expect(at10k.signaturesCompared).toBeLessThan(50 * 10_000 * 0.01);
    expect(at10k.candidateRows).toBeLessThan(50 * 10_000 * 0.01);
    expect(at10k.matches).toBe(0);
    // …and a repost of an indexed document is still found among the 10,000.
    const repost = new DuplicateIndex(duplicateSignatureTables(db)).lookup(fingerprint(`各位老师:\n转发如下。\n${lastText}\n上一篇:通知`)!);
    expect(repost.matches.map((match) => match.documentId)).toEqual(['doc-9999']);

    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT document_id FROM duplicate_bands WHERE band = ? AND bucket = ?').all(0, 0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/SEARCH duplicate_bands USING PRIMARY KEY \(band=\? AND bucket=\?\)/);
  });
});
