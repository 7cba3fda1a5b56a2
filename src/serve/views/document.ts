/**
 * The document page: facts, canonical fields with the rule that found each (provenance), labels as
 * written, attachments, links (the original URL, the archived copy, history, JSON), and the text.
 */
import type { DocumentRecord } from '../../store/document-record.js';
import type { VersionRow } from '../../store/records.js';
import { externalLink, html, plural, timestamp, type Html } from './html.js';
import { layout } from './layout.js';

export interface DocumentView {
  record: DocumentRecord;
  version: VersionRow;
  versions: number;
}

export function documentPage({ record, version, versions }: DocumentView): Html {
  const base = `/documents/${record.id}`;
  const title = record.title || '(untitled)';
  const body = html`<h1>${title}</h1>
    <p class="url">${externalLink(record.url)}</p>
    <p class="links">
      ${versionNavigation(base, record.version, versions)}
      <a href="${base}/versions/${record.version}/archived.txt">archived copy (source, as text)</a>
      <a href="${base}/versions/${record.version}/archived">archived copy (download)</a>
      <a href="${base}/history">history (${plural(versions, 'version')})</a>
      ${record.version > 1 ? html`<a href="${base}/diff?from=${record.version - 1}&amp;to=${record.version}">diff with version ${record.version - 1}</a>` : ''}
      <a href="/api/show?id=${record.id}&amp;version=${record.version}">JSON</a>
    </p>
    ${facts(record, version, versions)} ${fieldsTable(record, version.provenance)} ${labelsTable(record.labels)} ${attachmentsList(record.attachments)}
    <h2>Text</h2>
    <div class="text">
      ${record.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => html`<p>${line}</p>`)}
    </div>`;
  return layout({
    title,
    section: 'none',
    body,
    feeds: [{ title: `changes of ${record.source}`, href: `/feeds/sources/${encodeURIComponent(record.source)}.atom` }],
  });
}

function versionNavigation(base: string, current: number, versions: number): Html {
  if (versions === 1) return html``;
  const older = current > 1 ? html`<a href="${base}?version=${current - 1}">← version ${current - 1}</a>` : '';
  const newer = current < versions ? html`<a href="${base}?version=${current + 1}">version ${current + 1} →</a>` : '';
  return html`${older}${newer}`;
}

function facts(record: DocumentRecord, version: VersionRow, versions: number): Html {
  const rows: [string, Html | string][] = [
    ['id', html`<code>${record.id}</code>`],
    ['source', html`<a href="/sources/${encodeURIComponent(record.source)}">${record.source}</a>`],
    ['status', html`<span class="badge ${record.status}">${record.status}</span>`],
    ['version', `${record.version} of ${versions}${record.version === versions ? ' (latest)' : ''}`],
    ['published', record.publishedDate ?? '—'],
    ['first seen', timestamp(record.firstSeenAt)],
    ['last changed', timestamp(record.lastChangedAt)],
    ['this version fetched', html`${timestamp(version.fetchedAt)} (HTTP ${version.httpStatus}, ${version.charset} from ${version.charsetSource})`],
    ['duplicate of', record.duplicateOf ? html`<a href="/documents/${record.duplicateOf}">${record.duplicateOf}</a>` : '—'],
    ['content hash', html`<code class="hash">${record.contentHash}</code>`],
  ];
  return html`<table class="facts">
    <tbody>
      ${rows.map(
        ([name, value]) =>
          html`<tr>
            <th>${name}</th>
            <td>${value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function fieldsTable(record: DocumentRecord, provenance: Record<string, string>): Html {
  const rows: [string, string, string][] = [
    ['title', record.title, provenance.title ?? ''],
    ['publishedDate', record.publishedDate ?? '', provenance.publishedDate ?? ''],
    ...Object.entries(record.fields).map(([key, value]): [string, string, string] => [key, value, provenance[`fields.${key}`] ?? provenance[key] ?? '']),
  ];
  return html`<h2>Fields</h2>
    <table>
      <thead>
        <tr>
          <th>key</th>
          <th>value</th>
          <th>found by (provenance)</th>
        </tr>
      </thead>
      <tbody>
        ${rows
          .filter(([, value]) => value !== '')
          .map(
            ([key, value, rule]) =>
              html`<tr>
                <td><code>${key}</code></td>
                <td>${value}</td>
                <td class="muted">${rule || '—'}</td>
              </tr>`,
          )}
      </tbody>
    </table>
    ${provenance.text ? html`<p class="muted">Main text found by: ${provenance.text}${provenance.textLimit ? ` (${provenance.textLimit})` : ''}</p>` : ''}`;
}

function labelsTable(labels: Record<string, string>): Html {
  const entries = Object.entries(labels);
  if (entries.length === 0) return html``;
  return html`<h2>Labels as written (${entries.length})</h2>
    <table>
      <thead>
        <tr>
          <th>label</th>
          <th>value</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          ([label, value]) =>
            html`<tr>
              <td>${label}</td>
              <td>${value}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** Attachment facts beyond url and name, shown when the archive recorded them. */
const ATTACHMENT_FACTS = ['mediaType', 'size', 'status', 'textLayer', 'textLength', 'sha256'] as const;

function attachmentsList(attachments: DocumentRecord['attachments']): Html {
  if (attachments.length === 0)
    return html`<h2>Attachments</h2>
      <p class="muted">none</p>`;
  return html`<h2>Attachments (${attachments.length})</h2>
    <table>
      <thead>
        <tr>
          <th>name</th>
          <th>facts</th>
        </tr>
      </thead>
      <tbody>
        ${attachments.map((attachment) => {
          const known = attachment as unknown as Record<string, unknown>;
          const facts = ATTACHMENT_FACTS.filter((key) => known[key] !== undefined && known[key] !== null).map((key) => `${key}: ${String(known[key])}`);
          return html`<tr>
            <td>${externalLink(attachment.url, attachment.name || attachment.url)}</td>
            <td class="muted">${facts.join(' · ')}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
