/**
 * Preloaded into every benchmark child (`node --import ./bench/report-usage.ts …`): at exit it writes
 * the process's own peak RSS and CPU time to $BENCH_REPORT, so each scenario is measured alone,
 * including the real CLI, which exits through process.exit.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const reportPath = process.env.BENCH_REPORT;

function peakRssFromProc(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

if (reportPath) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    writeFileSync(
      reportPath,
      JSON.stringify({
        exitCode: code,
        peakRssBytes: peakRssFromProc() ?? usage.maxRSS * 1024,
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
        uptimeSeconds: process.uptime(),
      }),
    );
  });
}
