// CPU seconds and resident memory of processes, read from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name "(…)": state is field 3, so index i here is field i + 3.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a live process has used; with `reaped`, also its waited-for children's. */
export function cpuSeconds(pid, { reaped = false } = {}) {
  try {
    const f = statFields(pid);
    const ticks = Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident set size of a process in bytes (VmRSS), 0 when it is gone. */
export function rssBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function allPids() {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** The live processes whose parent is `pid`. */
export function childrenOf(pid) {
  return allPids().filter((child) => {
    try {
      return Number(statFields(child)[1]) === pid;
    } catch {
      return false;
    }
  });
}

/** The PostgreSQL postmaster listening on `port` (found by its command line), or undefined. */
export function postmasterOnPort(port) {
  for (const pid of allPids()) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('-p');
      if (/(^|\/)postgres$/.test(args[0]) && at >= 0 && args[at + 1] === String(port)) return pid;
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/**
 * CPU seconds of a PostgreSQL server so far: the postmaster, its live backends and helpers, and the
 * backends that have already exited (counted in the postmaster's reaped-children time).
 */
export function postgresCpuSeconds(postmaster) {
  let total = cpuSeconds(postmaster, { reaped: true });
  for (const child of childrenOf(postmaster)) total += cpuSeconds(child);
  return total;
}
