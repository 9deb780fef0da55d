// Limits on a sandbox child as a process: killing its whole group, and a time limit that
// counts the CPU time the child actually got (a starved child on a busy grader gets more wall time).
import type { ChildProcess } from 'child_process';

/** Kills the child's whole process group (everything the student started with it). */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** CPU time (ms) used so far by a process and all its descendants (Linux /proc), or undefined. */
export function treeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const fs = require('fs') as typeof import('fs');
  let ticks = 0;
  const stack = [pid];
  let seen = 0;
  while (stack.length && seen++ < 64) {
    const p = stack.pop() as number;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
      for (const c of fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)) if (c) stack.push(Number(c));
    } catch {
      if (p === pid) return undefined;
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** A time limit on what code could run: on a busy machine (a grader running many jobs) a
 *  process starved of CPU gets more wall time, up to 3× the limit; an idle wait (a promise
 *  that never settles) or a busy loop ends at the limit. Returns a cancellable handle. */
export function cpuAwareTimeout(pid: number | undefined, limitMs: number, onExpire: () => void): { cancel(): void } {
  const started = Date.now();
  const cpu0 = treeCpuMs(pid);
  let timer: NodeJS.Timeout;
  const check = () => {
    const used = cpu0 === undefined ? undefined : (treeCpuMs(pid) ?? cpu0) - cpu0;
    const wall = Date.now() - started;
    const starved = used !== undefined && used < 0.7 * limitMs && wall - used > 0.3 * limitMs && used > 0.05 * wall;
    if (starved && wall < 3 * limitMs) {
      timer = setTimeout(check, Math.max(50, Math.min(limitMs - (used as number), 3 * limitMs - wall)));
      return;
    }
    onExpire();
  };
  timer = setTimeout(check, limitMs);
  return { cancel: () => clearTimeout(timer) };
}
