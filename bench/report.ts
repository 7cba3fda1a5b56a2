import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MachineInfo } from './machine.js';

/** One measured row of the benchmark table. */
export interface ScenarioRow {
  name: string;
  seconds: number;
  pages: number;
  peakRssBytes: number;
  cpuSeconds: number;
  note?: string;
  /** False for runs on another site size: their time is not comparable with Crawlee's. */
  comparable?: boolean;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchReport {
  machine: MachineInfo;
  site: string;
  rows: ScenarioRow[];
  targets: TargetCheck[];
  lines: string[];
  /** Markdown blocks after the lines (the attachment reading table). */
  sections?: string[];
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

export function scenarioTable(rows: ScenarioRow[], baseline: ScenarioRow | undefined): string {
  const header = '| scenario | time (s) | pages | pages/s | peak RSS (MB) | CPU (s) | × plain Crawlee |\n|---|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map((row) => {
    const ratio = baseline && row.comparable !== false ? (row.seconds / baseline.seconds).toFixed(2) : '–';
    return `| ${row.name}${row.note ? ` (${row.note})` : ''} | ${row.seconds.toFixed(2)} | ${row.pages} | ${(row.pages / row.seconds).toFixed(0)} | ${mb(row.peakRssBytes)} | ${row.cpuSeconds.toFixed(1)} | ${ratio} |`;
  });
  return [header, ...lines].join('\n');
}

export function targetTable(targets: TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : '**not met**');
  return ['| target | goal | measured | |', '|---|---|---|---|', ...targets.map((t) => `| ${t.name} | ${t.target} | ${t.measured} | ${mark(t.met)} |`)].join(
    '\n',
  );
}

export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const crawlee = report.rows.find((row) => row.name.startsWith('Crawlee'));
  return [
    `Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (load average at start: ${machine.loadAverage}).`,
    '',
    `Site: ${report.site}.`,
    '',
    scenarioTable(report.rows, crawlee),
    '',
    targetTable(report.targets),
    '',
    ...report.lines.map((line) => `- ${line}`),
    ...(report.sections?.length ? ['', ...report.sections] : []),
  ].join('\n');
}

const BEGIN = '<!-- bench:begin (written by `npm run bench`) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated section of docs/benchmarks.md, keeping the prose around it. */
export function writeReport(path: string, body: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const section = `${BEGIN}\n${body}\n${END}`;
  const next = start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + END.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
