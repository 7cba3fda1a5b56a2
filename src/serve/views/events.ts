/** The event stream, newest first, a page at a time, optionally of one type. */
import { EVENT_TYPES, type EventType } from '../../events/event-types.js';
import type { StoredEvent } from '../../events/outbox.js';
import type { EventPage } from '../queries.js';
import { html, timestamp, type Html } from './html.js';
import { layout } from './layout.js';

export function eventsPage(page: EventPage, type: EventType | undefined): Html {
  const typeQuery = type ? `&type=${encodeURIComponent(type)}` : '';
  const body = html`<h1>Events${type ? `: ${type}` : ''}</h1>
    <form class="search" method="get" action="/events">
      <label
        >Type<select name="type">
          <option value="">all types</option>
          ${EVENT_TYPES.map((name) => html`<option value="${name}" ${name === type ? html` selected` : ''}>${name}</option>`)}
        </select></label
      >
      <button type="submit">Show</button>
    </form>
    ${
      page.events.length === 0
        ? html`<p>No event recorded${type ? ' of this type' : ''}.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>at</th>
                <th>type</th>
                <th>source</th>
                <th>title</th>
                <th class="num">version</th>
                <th>alerts</th>
              </tr>
            </thead>
            <tbody>
              ${page.events.map(eventRow)}
            </tbody>
          </table>`
    }
    <p class="pager">
      <a href="/events${type ? `?type=${encodeURIComponent(type)}` : ''}">newest</a>${
        page.olderThan !== null ? html`<a href="/events?before=${page.olderThan}${typeQuery}">older →</a>` : ''
      } <a href="/api/events">JSON (oldest first, as <code>events --json</code>)</a>
    </p>`;
  return layout({ title: 'Events', section: 'events', body });
}

function eventRow(event: StoredEvent): Html {
  // A health event (source.failed …) is about a source: its reason stands where a document would.
  if ('reason' in event) {
    return html`<tr>
      <td>${timestamp(event.at)}</td>
      <td><span class="badge ${event.type.replace('source.', '')}">${event.type}</span></td>
      <td><a href="/sources/${encodeURIComponent(event.source)}">${event.source}</a></td>
      <td>${event.reason}</td>
      <td class="num"></td>
      <td>${event.alerts.join(', ')}</td>
    </tr>`;
  }
  const kind = event.type.replace('document.', '');
  const diff =
    event.type === 'document.updated' && event.version > 1
      ? html` <a href="/documents/${event.documentId}/diff?from=${event.version - 1}&amp;to=${event.version}">diff</a>`
      : '';
  return html`<tr>
    <td>${timestamp(event.at)}</td>
    <td><span class="badge ${kind}">${event.type}</span></td>
    <td><a href="/sources/${encodeURIComponent(event.source)}">${event.source}</a></td>
    <td><a href="/documents/${event.documentId}?version=${event.version}">${event.title || '(untitled)'}</a>${diff}</td>
    <td class="num">${event.version}</td>
    <td>${event.alerts.join(', ')}</td>
  </tr>`;
}
