import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where a CPU profile (`node --cpu-prof`) spent its time: self time by package/stage and by function. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Pipeline steps whose total (inclusive) time is reported: where the crawl's time goes, by stage. */
const STAGES = [
  'processPage',
  'decodeBody',
  'load',
  'extractDocument',
  'classifyPage',
  'recordSnapshot',
  'recordNotModified',
  'comparisonText',
  'linkDuplicates',
  'insertVersion',
  'putBlob',
  'insertEvent',
  'flush',
  'deliverPending',
];
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<pkg>, src/<stage> (or its dist/ build), node:internals, or V8's own (GC, idle, program). */
export function bucketOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  // The compiled CLI's dist/<stage> is the same stage as src/<stage>.
  const stage = /\/(?:src|dist)\/([^/]+)/.exec(url);
  if (stage) return `src/${(stage[1] as string).replace(/\.[jt]s$/, '')}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  return times;
}

function top(map: Map<string, number>, total: number, count: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => `${name} ${((micros / total) * 100).toFixed(1)}%`)
    .join(', ');
}

/** Time of each sample charged once to every STAGES function on its stack. */
function inclusiveTimes(profile: CpuProfile, byNode: Map<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const wanted = new Set(STAGES);
  const totals = new Map<string, number>();
  for (const [id, micros] of selfTimes(profile)) {
    const charged = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byNode.get(at)?.callFrame.functionName ?? '';
      if (wanted.has(name) && !charged.has(name)) {
        charged.add(name);
        totals.set(name, (totals.get(name) ?? 0) + micros);
      }
    }
  }
  return totals;
}

/** Summary lines for the newest main-thread profile in `dir`. */
export function summarizeProfiles(dir: string): string[] {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (1 is tsx's loader).
  const files = readdirSync(dir)
    .filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const newest = files[0];
  if (!newest) return ['no profile written'];
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfTimes(profile)) {
    const frame = (byNode.get(id) as ProfileNode).callFrame;
    total += micros;
    const bucket = bucketOf(frame);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} (${bucket}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  return [
    `${newest} — ${(total / 1e6).toFixed(1)} s sampled`,
    `total time inside (inclusive): ${top(inclusiveTimes(profile, byNode), total, STAGES.length)}`,
    `self time by package/stage: ${top(buckets, total, 14)}`,
    `hottest functions: ${top(functions, total, 12)}`,
  ];
}

// `node --import tsx bench/profile.ts DIR` prints the summary of the newest profile there.
if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
  for (const line of summarizeProfiles(process.argv[2])) process.stdout.write(`${line}\n`);
}
