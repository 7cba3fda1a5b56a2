/**
 * What `bureau-watch demo` prints: each pass's findings, the documents with their ids, the events,
 * and three commands to try next on real ids (show the new plan, the edited document's history and
 * its diff), all with `--config storage/demo.yaml`.
 */
import { listDocumentEvents, type StoredDocumentEvent } from '../events/outbox.js';
import { iterateDocumentRecords, type DocumentRecord } from '../store/document-record.js';
import { DEMO_CONFIG, DEMO_DATABASE, type DemoResult } from './run-demo.js';

/** Human-readable summary lines of a finished demo. */
export function demoSummary(result: DemoResult, database = DEMO_DATABASE): string[] {
  const [first, second, third] = [result.firstPass, result.secondPass, result.thirdPass].map((pass) => pass.sources['demo-edu']!);
  const events = listDocumentEvents(result.db);
  const created = events.filter((event) => event.type === 'document.created');
  const updated = events.find((event) => event.type === 'document.updated');
  const removed = events.find((event) => event.type === 'document.removed');
  // The first pass created a document for each of its first events: the new plan came after them.
  const newPlan = created.slice(first!.created).find((event) => event.alerts.length > 0);
  const lines = [
    `Replica bureau site served at ${result.baseUrl}, archived into ${database}`,
    '',
    `First crawl:  ${first!.pages} pages fetched, ${first!.created} documents stored, ${first!.errors} errors`,
    'Then the site changed: one document was edited, a new plan was published, one page was withdrawn.',
    `Second crawl: ${second!.pages} pages fetched, ${second!.notModified} answered 304 Not Modified, ${second!.updated} updated, ` +
      `${second!.created} new${newPlan ? ` (alert ${newPlan.alerts.join(', ')}: ${newPlan.title})` : ''}, ${third!.removed} withdrawn page(s) answered 404 (a first time)`,
    `Third crawl:  ${third!.pages} pages fetched, ${third!.removed} removed (404 on two runs in a row; one 404 may be a glitch)`,
    '',
    'Documents (id  title):',
  ];
  const records = [...iterateDocumentRecords(result.db)];
  for (const record of records) {
    const fieldNames = Object.keys(record.fields);
    lines.push(`  ${record.id}  ${record.title}`);
    lines.push(
      `    ${record.publishedDate ?? 'no date'} · v${record.version} · ${record.status} · ${fieldNames.length} fields (${fieldNames.join(', ') || 'none'}) · ${attachmentsLine(record.attachments)}`,
    );
  }
  const byType = (type: string) => events.filter((event) => event.type === type).length;
  const alerted = events.filter((event) => event.alerts.length > 0);
  lines.push(
    '',
    `Events recorded: ${events.length} (${byType('document.created')} created, ${byType('document.updated')} updated, ` +
      `${byType('document.removed')} removed; ${alerted.length} matched alert rules: ${alerted.map((event) => event.title).join('; ') || 'none'})`,
  );
  const read = records.flatMap((record) => record.attachments).filter((attachment) => attachment.status === 'ok' && (attachment.textLength ?? 0) > 0);
  if (read.length > 0)
    lines.push(
      `Attachments read: ${read.length} (${read.map((attachment) => attachment.name).join(', ')}); their text is searchable: npx bureau-watch search 优质均衡发展行动 --config ${DEMO_CONFIG}`,
    );
  lines.push('', ...nextCommands(newPlan, updated, removed, database));
  return lines;
}

/** Three commands on real ids, and where to go from there. */
function nextCommands(
  newPlan: StoredDocumentEvent | undefined,
  updated: StoredDocumentEvent | undefined,
  removed: StoredDocumentEvent | undefined,
  database: string,
): string[] {
  const lines = ['Try next:'];
  if (newPlan) lines.push(`  npx bureau-watch show ${newPlan.documentId} --config ${DEMO_CONFIG}      # the new plan, its fields and text`);
  if (updated) {
    lines.push(`  npx bureau-watch history ${updated.documentId} --config ${DEMO_CONFIG}   # the edited document's versions`);
    lines.push(`  npx bureau-watch diff ${updated.documentId} --config ${DEMO_CONFIG}      # what the edit changed`);
  }
  if (removed) lines.push(`  (withdrawn: ${removed.url})`);
  lines.push(`Explore everything: npx bureau-watch export --config ${DEMO_CONFIG}   (or: sqlite3 ${database})`);
  return lines;
}

/** "2 attachments (2 ok)", "1 attachment (1 not-found)": what became of the document's attachment links. */
function attachmentsLine(attachments: DocumentRecord['attachments']): string {
  const counts = new Map<string, number>();
  for (const attachment of attachments) counts.set(attachment.status ?? 'not fetched', (counts.get(attachment.status ?? 'not fetched') ?? 0) + 1);
  const detail = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
  return `${attachments.length} attachment${attachments.length === 1 ? '' : 's'}${detail ? ` (${detail})` : ''}`;
}
