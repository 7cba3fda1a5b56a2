/**
 * Field coverage of a sample of versions: the share (0–1) that has each canonical field, and each
 * record-level item (a title, a published date, a non-empty text, attachments). A sample is SQL
 * yielding (document_id, version) rows, so the same measure serves "latest versions of a source"
 * and "versions written by one run".
 */
import { CANONICAL_KEYS } from '../extract/types.js';
import type { Db } from '../store/database.js';

export interface Coverage {
  /** Versions in the sample. */
  total: number;
  fields: Record<string, number>;
  record: { title: number; publishedDate: number; text: number; attachments: number };
}

export interface Sample {
  sql: string;
  params: (string | number)[];
}

export function measureCoverage(db: Db, sample: Sample): Coverage {
  const counts = db
    .prepare(
      `WITH sample AS (${sample.sql})
    SELECT count(*) AS total, coalesce(sum(v.title <> ''), 0) AS title,
      coalesce(sum(v.published_date IS NOT NULL), 0) AS publishedDate, coalesce(sum(v.text <> ''), 0) AS text,
      coalesce(sum(v.attachments <> '[]'), 0) AS attachments
    FROM sample s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version`,
    )
    .get(...sample.params) as { total: number; title: number; publishedDate: number; text: number; attachments: number };
  const keyCounts = db
    .prepare(
      `WITH sample AS (${sample.sql})
    SELECT f.key AS key, count(*) AS n
    FROM sample s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version, json_each(v.fields) f
    GROUP BY f.key`,
    )
    .all(...sample.params) as { key: string; n: number }[];
  const byKey = new Map(keyCounts.map((row) => [row.key, row.n]));
  const share = (n: number) => (counts.total === 0 ? 0 : round(n / counts.total));
  return {
    total: counts.total,
    fields: Object.fromEntries(CANONICAL_KEYS.map((key) => [key, share(byKey.get(key) ?? 0)])),
    record: {
      title: share(counts.title),
      publishedDate: share(counts.publishedDate),
      text: share(counts.text),
      attachments: share(counts.attachments),
    },
  };
}

/** The latest version of each active document of a source. */
export function latestOfSource(sourceId: string): Sample {
  return {
    sql: `SELECT id AS document_id, current_version AS version FROM documents WHERE source_id = ? AND status = 'active'`,
    params: [sourceId],
  };
}

/** The versions of a source's documents that one run wrote (new documents and updates). */
export function writtenByRun(sourceId: string, runId: number): Sample {
  return {
    sql: `SELECT v.document_id, v.version FROM versions v JOIN documents d ON d.id = v.document_id
      WHERE v.run_id = ? AND d.source_id = ?`,
    params: [runId, sourceId],
  };
}

/** Each document's latest version from before a run: what the extraction produced until then. */
export function latestBeforeRun(sourceId: string, runId: number): Sample {
  return {
    sql: `SELECT v.document_id, max(v.version) AS version FROM versions v JOIN documents d ON d.id = v.document_id
      WHERE d.source_id = ? AND coalesce(v.run_id, 0) < ? GROUP BY v.document_id`,
    params: [sourceId, runId],
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
