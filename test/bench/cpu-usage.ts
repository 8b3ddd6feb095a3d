import { readFileSync } from 'node:fs';

// /proc reports CPU time in clock ticks; USER_HZ is 100 on every Linux we run on.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where /proc is missing. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of those.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Machine-wide busy and stolen CPU seconds (all cores) from the first line of /proc/stat. */
function machineSeconds(): { busy: number; steal: number } {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND, steal: steal / TICKS_PER_SECOND };
  } catch {
    return { busy: Number.NaN, steal: Number.NaN };
  }
}

/** CPU use over one phase, each as a fraction of one core. */
export interface CpuShare {
  server: number;
  client: number;
  /** Everything else on the machine: other people's builds and tests compete for the same 2 cores. */
  others: number;
  /** Time the hypervisor gave our vCPUs to someone else. */
  steal: number;
}

/**
 * Starts measuring CPU use of the server, of this process and of the rest of the machine. On a shared
 * 2-core box this tells whether a figure is server-bound, load-generator-bound or disturbed by others.
 */
export function startCpuMeter(serverPid: number): () => CpuShare {
  const wallStart = performance.now();
  const serverStart = cpuSeconds(serverPid);
  const clientStart = process.cpuUsage();
  const machineStart = machineSeconds();
  return () => {
    const wall = (performance.now() - wallStart) / 1000;
    const clientUsage = process.cpuUsage(clientStart);
    const machine = machineSeconds();
    const server = (cpuSeconds(serverPid) - serverStart) / wall;
    const client = (clientUsage.user + clientUsage.system) / 1e6 / wall;
    return {
      server,
      client,
      others: Math.max(0, (machine.busy - machineStart.busy) / wall - server - client),
      steal: (machine.steal - machineStart.steal) / wall,
    };
  };
}
