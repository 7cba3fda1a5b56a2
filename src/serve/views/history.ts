/** A document's history (versions and what changed) and the diff between any two of its versions, inline or side by side. */
import type { HistoryEntry } from '../../archive/history.js';
import type { DocumentRow, VersionRow } from '../../store/records.js';
import { inlineDiff, sideBySide, type DiffLine } from './diff-lines.js';
import { externalLink, html, timestamp, type Html } from './html.js';
import { layout } from './layout.js';

export type DiffMode = 'inline' | 'side';

export function historyPage(doc: DocumentRow, title: string, history: HistoryEntry[]): Html {
  const base = `/documents/${doc.id}`;
  const latest = history.at(-1)?.version ?? 1;
  const body = html`<h1>History: ${title || '(untitled)'}</h1>
    <p class="url">${externalLink(doc.url)}</p>
    <p class="links"><a href="${base}">the document</a><a href="/api/history?id=${doc.id}">JSON</a></p>
    <table>
      <thead>
        <tr>
          <th class="num">version</th>
          <th>recorded at</th>
          <th>content hash</th>
          <th>title</th>
          <th>what changed</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${history.map(
          (entry) =>
            html`<tr>
              <td class="num"><a href="${base}?version=${entry.version}">${entry.version}</a></td>
              <td>${timestamp(entry.at)}</td>
              <td><code class="hash">${entry.contentHash.slice(0, 12)}</code></td>
              <td>${entry.title}</td>
              <td>${entry.summary}</td>
              <td>${entry.version > 1 ? html`<a href="${base}/diff?from=${entry.version - 1}&amp;to=${entry.version}">diff</a>` : ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${history.length > 1 ? comparePicker(base, history, Math.max(1, latest - 1), latest, 'inline') : html`<p class="muted">A single version: nothing to compare yet.</p>`}`;
  return layout({ title: `History: ${title}`, section: 'none', body });
}

/** A form choosing any two versions and the view. */
function comparePicker(base: string, history: HistoryEntry[], from: number, to: number, mode: DiffMode): Html {
  const options = (chosen: number) =>
    history.map(
      (entry) =>
        html`<option value="${entry.version}" ${entry.version === chosen ? html` selected` : ''}>version ${entry.version} (${entry.at.slice(0, 10)})</option>`,
    );
  return html`<form class="search" method="get" action="${base}/diff">
    <label
      >From<select name="from">
        ${options(from)}
      </select></label
    >
    <label
      >To<select name="to">
        ${options(to)}
      </select></label
    >
    <label
      >View<select name="view">
        <option value="inline" ${mode === 'inline' ? html` selected` : ''}>inline</option>
        <option value="side" ${mode === 'side' ? html` selected` : ''}>side by side</option>
      </select></label
    >
    <button type="submit">Compare</button>
  </form>`;
}

export interface DiffView {
  doc: DocumentRow;
  history: HistoryEntry[];
  older: VersionRow;
  newer: VersionRow;
  mode: DiffMode;
}

export function diffPage({ doc, history, older, newer, mode }: DiffView): Html {
  const base = `/documents/${doc.id}`;
  const lines = inlineDiff(older.text, newer.text);
  const changed = lines.some((line) => line.kind === 'del' || line.kind === 'add');
  const other: DiffMode = mode === 'inline' ? 'side' : 'inline';
  const body = html`<h1>Diff: ${newer.title || '(untitled)'}</h1>
    <p class="url">${externalLink(doc.url)}</p>
    <p class="links">
      <a href="${base}">the document</a><a href="${base}/history">history</a>
      <a href="${base}/diff?from=${older.version}&amp;to=${newer.version}&amp;view=${other}">${other === 'side' ? 'side by side' : 'inline'} view</a>
    </p>
    ${comparePicker(base, history, older.version, newer.version, mode)} ${changeHeader(older, newer)}
    <h2>Text</h2>
    ${!changed ? html`<p>(text unchanged)</p>` : mode === 'inline' ? inlineView(lines) : sideView(lines, older, newer)}`;
  return layout({ title: `Diff ${older.version}→${newer.version}: ${newer.title}`, section: 'none', body });
}

/** Versions, their times, and the title and fields that differ. */
function changeHeader(older: VersionRow, newer: VersionRow): Html {
  const keys = [...new Set([...Object.keys(older.fields), ...Object.keys(newer.fields)])].sort().filter((key) => older.fields[key] !== newer.fields[key]);
  const rows: [string, Html | string, Html | string][] = [
    ['version', html`${older.version} (${timestamp(older.fetchedAt)})`, html`${newer.version} (${timestamp(newer.fetchedAt)})`],
    ...(older.title !== newer.title ? [['title', older.title, newer.title] as [string, string, string]] : []),
    ...keys.map((key): [string, string, string] => [`fields.${key}`, older.fields[key] ?? '—', newer.fields[key] ?? '—']),
  ];
  return html`<table class="changes">
    <thead>
      <tr>
        <th></th>
        <th>older</th>
        <th>newer</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(([name, before, after], index) => html`<tr><th>${name}</th><td${index > 0 ? html` class="del"` : ''}>${before}</td><td${index > 0 ? html` class="add"` : ''}>${after}</td></tr>`)}
    </tbody>
  </table>`;
}

const LINE_MARK: Record<DiffLine['kind'], string> = { same: '', del: '− ', add: '+ ', fold: '' };

function inlineView(lines: DiffLine[]): Html {
  return html`<div class="diff inline">${lines.map((line) => html`<div class="line ${line.kind}">${LINE_MARK[line.kind]}${line.text}</div>`)}</div>`;
}

function sideView(lines: DiffLine[], older: VersionRow, newer: VersionRow): Html {
  const cell = (line: DiffLine | null) => (line ? html`<td class="${line.kind}">${line.text}</td>` : html`<td></td>`);
  return html`<table class="diff side">
    <thead>
      <tr>
        <th>version ${older.version}</th>
        <th>version ${newer.version}</th>
      </tr>
    </thead>
    <tbody>
      ${sideBySide(lines).map(
        (row) =>
          html`<tr>
            ${cell(row.left)}${cell(row.right)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
