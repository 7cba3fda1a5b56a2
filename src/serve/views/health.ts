/**
 * Source health: all sources at a glance (/sources), and one source (/sources/:id) with its last
 * runs and their outcome, its documents over time as a chart, and field coverage with the drops
 * `stats` warns about.
 */
import type { SourceStats } from '../../stats/stats.js';
import type { MonthCount, RunOfSource } from '../queries.js';
import { barChart, type Bar } from './chart.js';
import { html, plural, timestamp, type Html } from './html.js';
import { layout } from './layout.js';

export function sourcesPage(stats: SourceStats[]): Html {
  const body = html`<h1>Sources</h1>
    ${
      stats.length === 0
        ? html`<p>No source in the archive yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>source</th>
                <th>name</th>
                <th class="num">documents</th>
                <th class="num">active</th>
                <th class="num">removed</th>
                <th class="num">versions</th>
                <th>last run</th>
                <th class="num">errors (last run)</th>
                <th>health</th>
              </tr>
            </thead>
            <tbody>
              ${stats.map(
                (s) =>
                  html`<tr>
                    <td><a href="/sources/${encodeURIComponent(s.source)}">${s.source}</a></td>
                    <td>${s.name}</td>
                    <td class="num">${s.documents.total}</td>
                    <td class="num">${s.documents.active}</td>
                    <td class="num">${s.documents.removed}</td>
                    <td class="num">${s.versions}</td>
                    <td>${s.lastRun ? html`${statusBadge(s.lastRun.status)} ${timestamp(s.lastRun.startedAt)}` : 'never'}</td>
                    <td class="num">${s.errors.lastRun}</td>
                    <td>${s.health.length ? html`<span class="warn">${plural(s.health.length, 'coverage drop')}</span>` : 'ok'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p class="links">
      <a href="/api/stats">JSON (as <code>stats --json</code>)</a>
    </p>`;
  return layout({ title: 'Sources', section: 'sources', body });
}

export interface SourceHealthView {
  stats: SourceStats;
  runs: RunOfSource[];
  months: MonthCount[];
  undated: number;
}

export function sourceHealthPage({ stats, runs, months, undated }: SourceHealthView): Html {
  const feed = `/feeds/sources/${encodeURIComponent(stats.source)}.atom`;
  const body = html`<h1>${stats.name || stats.source} <span class="muted">${stats.source}</span></h1>
    <p class="meta">
      <span>${plural(stats.documents.total, 'document')}</span><span>${stats.documents.active} active</span><span>${stats.documents.removed} removed</span
      ><span>${stats.documents.duplicates} duplicates</span><span>${plural(stats.versions, 'version')}</span>
    </p>
    <p class="links"><a href="/?source=${encodeURIComponent(stats.source)}">search this source</a><a href="${feed}">Atom feed</a></p>
    <h2>Last runs</h2>
    ${runsTable(runs)}
    <h2>Documents over time</h2>
    ${barChart(monthBars(months), `Documents by month published (latest versions)${undated ? `; ${undated} without a date` : ''}`)}
    <h2>Field coverage</h2>
    ${coverageTable(stats)}`;
  return layout({ title: `Source ${stats.source}`, section: 'sources', body, feeds: [{ title: `changes of ${stats.source}`, href: feed }] });
}

function statusBadge(status: string): Html {
  return html`<span class="badge ${status}">${status}</span>`;
}

/** Counts the crawl records per source, in reading order; any others it records are shown after them. */
const COUNT_ORDER = ['pages', 'created', 'updated', 'unchanged', 'notModified', 'removed', 'errors'];

function runsTable(runs: RunOfSource[]): Html {
  if (runs.length === 0) return html`<p class="muted">No run recorded.</p>`;
  const extra = [...new Set(runs.flatMap((run) => Object.keys(run.counts)))].filter((key) => !COUNT_ORDER.includes(key));
  const columns = [...COUNT_ORDER, ...extra];
  return html`<table>
    <thead>
      <tr>
        <th>run</th>
        <th>started</th>
        <th>finished</th>
        <th>outcome</th>
        ${columns.map((key) => html`<th class="num">${key}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${runs.map(
        (run) =>
          html`<tr>
            <td>#${run.id}</td>
            <td>${timestamp(run.startedAt)}</td>
            <td>${run.finishedAt ? timestamp(run.finishedAt) : '—'}</td>
            <td>${statusBadge(run.outcome ?? run.status)}${run.reason ? html`<br /><small>${run.reason}</small>` : ''}</td>
            ${columns.map((key) => html`<td class="num">${countCell(run.counts[key])}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function countCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function coverageTable(stats: SourceStats): Html {
  const { coverage } = stats;
  if (coverage.total === 0) return html`<p class="muted">No active document to measure.</p>`;
  const drops = new Map(stats.health.map((drop) => [drop.item, drop]));
  const rows: [string, number][] = [
    ...Object.entries(coverage.record).map(([key, share]): [string, number] => [`record.${key}`, share]),
    ...Object.entries(coverage.fields).map(([key, share]): [string, number] => [`fields.${key}`, share]),
  ];
  return html`<p class="muted">Share of the ${plural(coverage.total, 'active document')} (latest versions) that have each item.</p>
    <table>
      <thead>
        <tr>
          <th>item</th>
          <th class="num">coverage</th>
          <th>newest run</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(([item, share]) => {
          const drop = drops.get(item);
          return html`<tr>
            <td><code>${item}</code></td>
            <td class="num">${percent(share)}</td>
            <td>${drop ? html`<span class="warn">fell from ${percent(drop.before)} to ${percent(drop.after)} in run #${drop.runId}</span>` : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

/** Every month from the first to the last (empty ones as zero), the newest 120 at most. */
export function monthBars(months: MonthCount[]): Bar[] {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const bars: Bar[] = [];
  for (let at = Math.max(index(first.month), index(last.month) - 119); at <= index(last.month); at++) {
    const label = `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    bars.push({ label, value: counts.get(label) ?? 0 });
  }
  return bars;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
