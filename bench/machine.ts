import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, for the report. */
export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  loadAverage: string;
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}
