// A grading run leaves nothing behind: its work folder records its owner, and every process
// that works in it is killed at the end. A run that was itself killed (kill -9) is cleaned up
// by the next one: its work folder is stale once its owner is gone.

/** The prefix of work folders in the temporary folder. */
export const WORK_PREFIX = 'annlab-grade-';
/** Folders of the sandbox's script copies (grader/sandbox/launch.ts), also owned by a process. */
const OWNED_PREFIXES = [WORK_PREFIX, 'annlab-sandbox-runtime-'];

/** Processes (Linux /proc) whose working folder lies in `dir`. */
export function processesIn(dir: string): number[] {
  const fs = require('fs') as typeof import('fs');
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${e}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) pids.push(Number(e));
    } catch {
      /* gone, or not ours to see */
    }
  }
  return pids;
}

/** Kills every process still working in `dir`; returns how many there were. */
export function killLeftovers(dir: string): number {
  const pids = processesIn(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return pids.length;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes a fresh work folder in `tmp` that records this process as its owner. */
export function makeWorkFolder(tmp: string): string {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const work = fs.mkdtempSync(path.join(tmp, WORK_PREFIX));
  fs.writeFileSync(path.join(work, 'owner.json'), JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
  return work;
}

/** Removes the work folders (and script copies) of runs whose owner died, and kills what still works in them;
 *  returns how many folders it removed. Folders of live runs are left alone. */
export function cleanStaleRuns(tmp: string): number {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  let removed = 0;
  let names: string[] = [];
  try {
    names = fs.readdirSync(tmp).filter((n) => OWNED_PREFIXES.some((p) => n.startsWith(p)));
  } catch {
    return 0;
  }
  for (const name of names) {
    const dir = path.join(tmp, name);
    let owner: number | undefined;
    try {
      owner = (JSON.parse(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8')) as { pid: number }).pid;
    } catch {
      // Being created right now, or not ours: only an old one without an owner is stale.
      try {
        if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000) continue;
      } catch {
        continue;
      }
    }
    if (owner !== undefined && alive(owner)) continue;
    killLeftovers(dir);
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      /* another user's, or in use */
    }
  }
  return removed;
}
