/** What the orchestrator passes to a scenario child, as JSON in BENCH_ARGS. */
export interface ScenarioArgs {
  startUrls: string[];
  concurrencyPerHost: number;
  requestsPerMinute: number;
}

export function scenarioArgs(): ScenarioArgs {
  const raw = process.env.BENCH_ARGS;
  if (!raw) throw new Error('BENCH_ARGS is not set: scenarios are started by bench/run.ts');
  return JSON.parse(raw) as ScenarioArgs;
}

/** Links the reference crawlers skip, as bureau-watch's scope does (attachments are not pages). */
export const NOT_A_PAGE = /downfile\.jsp|\.(pdf|docx?|xlsx?|zip|rar|jpe?g|png|gif)$/i;

/** Prints the scenario's own count as the last stdout line, for the orchestrator to check. */
export function reportPages(pages: number): void {
  process.stdout.write(`${JSON.stringify({ pages })}\n`);
}
