import { readFile } from 'node:fs/promises';

/**
 * One process's share of resident memory, in bytes: its PSS, which splits pages shared between Chromium's
 * processes among them (summing their RSS would count the shared browser code once per process); its RSS where
 * the kernel has no smaps_rollup.
 */
async function memoryOf(pid: number): Promise<number> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => null);
  const pss = rollup ? /^Pss:\s+(\d+)\s+kB/m.exec(rollup)?.[1] : undefined;
  if (pss) return Number(pss) * 1024;
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return rss ? Number(rss) * 1024 : 0;
}

async function childrenOf(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return children.split(/\s+/).filter(Boolean).map(Number);
}

/**
 * Resident memory of a process and all its descendants, in bytes (Linux /proc). The worker's own heap is
 * small; Chromium's processes below it are what grows, so the watchdog counts them too. Null where /proc
 * cannot be read (another OS, the process is gone).
 */
export async function processTreeRss(pid: number): Promise<number | null> {
  try {
    let total = await memoryOf(pid);
    for (const child of await childrenOf(pid)) total += (await processTreeRss(child)) ?? 0;
    return total;
  } catch {
    return null;
  }
}
