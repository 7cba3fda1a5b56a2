import type { Command } from 'commander';
import { logCoverageDrops } from '../../stats/health.js';
import { collectStats, type SourceStats } from '../../stats/stats.js';
import { formatTable, terminalJson, terminalText } from '../format.js';
import { print, readingContext, withArchiveReadOnly } from '../context.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('per source: documents, last run, errors, field coverage; warns when coverage dropped (extraction health)')
    .option('--json', 'print a JSON array, one object per source')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        const stats = collectStats(db, context.config.sources);
        for (const source of stats) logCoverageDrops(context.log, source.health);
        if (options.json) print(context, terminalJson(stats, 2));
        else for (const line of renderStats(stats)) print(context, terminalText(line));
      });
    });
}

export function renderStats(stats: SourceStats[]): string[] {
  const summary = formatTable(
    [
      'source',
      'documents',
      'active',
      'removed',
      'duplicates',
      'versions',
      'last run',
      'status',
      'outcome',
      'errors',
      `errors (last ${Math.max(...stats.map((s) => s.errors.recentRunCount), 0)} runs)`,
    ],
    stats.map((s) => [
      s.source,
      String(s.documents.total),
      String(s.documents.active),
      String(s.documents.removed),
      String(s.documents.duplicates),
      String(s.versions),
      s.lastRun ? `#${s.lastRun.id} ${s.lastRun.startedAt}` : 'never',
      s.lastRun?.status ?? '',
      s.lastRun?.outcome ?? '',
      String(s.errors.lastRun),
      String(s.errors.recentRuns),
    ]),
  );
  const lines = [summary];
  const troubled = stats.filter((s) => s.lastRun?.outcomeReason);
  if (troubled.length)
    lines.push('', 'Last run, sources not ok:', ...troubled.map((s) => `  ${s.source}: ${s.lastRun!.outcome} — ${s.lastRun!.outcomeReason}`));
  lines.push('', 'Coverage: share of active documents (latest versions) that have each item');
  const items = stats[0]
    ? [
        ...Object.keys(stats[0].coverage.record).map((key) => ['record', key] as const),
        ...Object.keys(stats[0].coverage.fields).map((key) => ['fields', key] as const),
      ]
    : [];
  lines.push(
    formatTable(
      ['item', ...stats.map((s) => s.source)],
      items.map(([group, key]) => [
        group === 'record' ? key : `fields.${key}`,
        ...stats.map((s) =>
          s.coverage.total === 0
            ? '—'
            : percent(group === 'record' ? s.coverage.record[key as keyof SourceStats['coverage']['record']] : (s.coverage.fields[key] ?? 0)),
        ),
      ]),
    ),
  );
  const drops = stats.flatMap((s) => s.health);
  if (drops.length) {
    lines.push('', 'Extraction health warnings (coverage of the newest run vs before it):');
    for (const drop of drops)
      lines.push(`  ${drop.source}: ${drop.item} ${percent(drop.before)} → ${percent(drop.after)} (run ${drop.runId}, ${drop.sample.run} versions)`);
  }
  return lines;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
