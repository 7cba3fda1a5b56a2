/** The search page: the form (query, source, dates, field=value) and the hits with highlighted snippets. */
import type { SearchHit } from '../../search/search.js';
import type { SearchParams } from '../params.js';
import type { SourceSummary } from '../queries.js';
import { html, markedSnippet, plural, type Html } from './html.js';
import { layout } from './layout.js';

export interface SearchView {
  params: SearchParams;
  sources: SourceSummary[];
  /** Undefined when no query was asked. */
  hits?: SearchHit[];
  marks: { open: string; close: string };
}

export function searchPage(view: SearchView): Html {
  const { params, hits } = view;
  const title = params.query ? `Search: ${params.query}` : 'Search the archive';
  const body = html`<h1>${title}</h1>
    ${searchForm(params, view.sources)} ${hits === undefined ? sourceOverview(view.sources) : results(hits, view.marks, params.limit)}`;
  return layout({ title, section: 'search', body });
}

function searchForm(params: SearchParams, sources: SourceSummary[]): Html {
  const chosen = new Set(params.sources ?? []);
  const field = (params.fields ?? []).map(([key, value]) => `${key}=${value}`)[0] ?? '';
  return html`<form class="search" method="get" action="/" role="search">
    <label class="query">Words (all of them)<input type="search" name="q" value="${params.query}" autofocus /></label>
    <label
      >Source<select name="source">
        <option value="">all sources</option>
        ${sources.map((source) => html`<option value="${source.id}" ${chosen.has(source.id) ? html` selected` : ''}>${source.name || source.id}</option>`)}
      </select></label
    >
    <label>Published from<input type="date" name="since" value="${params.since ?? ''}" /></label>
    <label>to<input type="date" name="until" value="${params.until ?? ''}" /></label>
    <label>Field<input type="text" name="field" value="${field}" placeholder="publisher=某某教育局" /></label>
    <button type="submit">Search</button>
  </form>`;
}

function results(hits: SearchHit[], marks: SearchView['marks'], limit: number): Html {
  if (hits.length === 0) return html`<p>No document found.</p>`;
  return html`<p class="muted">
      ${plural(hits.length, 'document')} found${hits.length === limit ? ` (the first ${limit}; add words or filters to narrow)` : ''}.
    </p>
    <ol class="hits">
      ${hits.map((hit) => hitItem(hit, marks))}
    </ol>`;
}

function hitItem({ record, snippet }: SearchHit, marks: SearchView['marks']): Html {
  return html`<li>
    <a class="title" href="/documents/${record.id}">${record.title || '(untitled)'}</a>
    <div class="meta">
      <span>${record.source}</span><span>${record.publishedDate ?? 'no date'}</span><span>v${record.version}</span>${
        record.status === 'removed' ? html`<span class="badge removed">removed</span>` : ''
      }
    </div>
    <div class="snippet">${markedSnippet(snippet, marks)}</div>
    <div class="url">${record.url}</div>
  </li>`;
}

function sourceOverview(sources: SourceSummary[]): Html {
  if (sources.length === 0) return html`<p>The archive holds no source yet: run <code>bureau-watch crawl</code> first.</p>`;
  return html`<h2>Sources</h2>
    <table>
      <thead>
        <tr>
          <th>source</th>
          <th>name</th>
          <th class="num">documents</th>
        </tr>
      </thead>
      <tbody>
        ${sources.map(
          (source) =>
            html`<tr>
              <td><a href="/sources/${encodeURIComponent(source.id)}">${source.id}</a></td>
              <td>${source.name}</td>
              <td class="num">${source.documents}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
