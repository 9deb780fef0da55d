// How a sandbox child is started: the strongest isolation this machine offers.
// Linux (the graders: Gradescope, CI, a lecturer's machine) gets an address-space cap
// (prlimit, or `ulimit -v` in sh), its own PID namespace when allowed (every process the
// student starts dies with it) and, when the grader runs as root, the unprivileged user
// `nobody`. Elsewhere (a student's laptop) the heap cap and the process group remain.
import type { SpawnOptions } from 'child_process';

/** What isolation the sandbox can use here, detected once per process. */
export interface Isolation {
  /** absolute path of prlimit, if present */ prlimit?: string;
  /** absolute path of setpriv, if present */ setpriv?: string;
  /** absolute path of sh (for `ulimit -v` when prlimit is missing) */ sh?: string;
  /** unshare works for a PID namespace */ unshare?: string;
  /** uid/gid to drop to (only when the grader runs as root) */ dropTo?: { uid: number; gid: number };
}

let cached: Isolation | undefined;

function which(cmd: string): string | undefined {
  const fs = require('fs') as typeof import('fs');
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']) {
    const p = `${dir}/${cmd}`;
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/**
 * Whether `nobody` can start Node and read the sandbox's files. A project cloned under a
 * private folder (e.g. /root, mode 700) cannot be read by `nobody`: the child then keeps
 * the grader's user, with every other limit in place.
 */
function nobodyCanRun(setpriv: string, spawnSync: typeof import('child_process').spawnSync): boolean {
  const path = require('path') as typeof import('path');
  const files = [path.join(__dirname, 'child.js'), path.resolve(__dirname, '..', '..', 'package.json')];
  const probe = `const fs = require('fs'); for (const f of ${JSON.stringify(files)}) fs.accessSync(f, fs.constants.R_OK);`;
  const r = spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '-e', probe], {
    stdio: 'ignore',
    timeout: 10000,
    cwd: '/',
  });
  return r.status === 0;
}

/** Detects the isolation available (cached); ANNLAB_SANDBOX_ISOLATION=none turns it off. */
export function detectIsolation(): Isolation {
  if (cached) return cached;
  const iso: Isolation = {};
  if (process.platform === 'linux' && process.env.ANNLAB_SANDBOX_ISOLATION !== 'none') {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    iso.prlimit = which('prlimit');
    iso.sh = which('sh');
    iso.setpriv = which('setpriv');
    const unshare = which('unshare');
    if (unshare) {
      const r = spawnSync(unshare, ['--pid', '--fork', '--kill-child', '--', process.execPath, '-e', '0'], { stdio: 'ignore', timeout: 10000 });
      if (r.status === 0) iso.unshare = unshare;
    }
    if (typeof process.getuid === 'function' && process.getuid() === 0 && iso.setpriv && nobodyCanRun(iso.setpriv, spawnSync)) {
      iso.dropTo = { uid: 65534, gid: 65534 };
    }
  }
  cached = iso;
  return iso;
}

export interface LaunchLimits {
  heapMb: number;
  addressSpaceMb: number;
}

/** The command line that starts `node childArgs...` inside the limits. */
export function launchCommand(iso: Isolation, limits: LaunchLimits, nodeArgs: string[]): { cmd: string; args: string[] } {
  // WebAssembly memories reserve ~10 GB of address space for guard pages: the cap refuses
  // them, and the engine falls back to its JavaScript kernels (letting wasm in with
  // --disable-wasm-trap-handler left too little address space for the heap).
  const flags = [`--max-old-space-size=${limits.heapMb}`, '--disallow-code-generation-from-strings'];
  let argv: string[] = [process.execPath, ...flags, ...nodeArgs];
  if (iso.dropTo && iso.setpriv) {
    argv = [iso.setpriv, `--reuid=${iso.dropTo.uid}`, `--regid=${iso.dropTo.gid}`, '--clear-groups', '--pdeathsig', 'KILL', '--', ...argv];
  }
  if (iso.unshare) argv = [iso.unshare, '--pid', '--fork', '--kill-child', '--', ...argv];
  const bytes = limits.addressSpaceMb * 1024 * 1024;
  if (iso.prlimit) argv = [iso.prlimit, `--as=${bytes}`, '--', ...argv];
  else if (iso.sh) argv = [iso.sh, '-c', `ulimit -v ${limits.addressSpaceMb * 1024} && exec "$0" "$@"`, ...argv];
  // Dies with the test process even if that one is killed without cleaning up.
  if (iso.setpriv) argv = [iso.setpriv, '--pdeathsig', 'KILL', '--', ...argv];
  return { cmd: argv[0], args: argv.slice(1) };
}

/** Spawn options: empty environment, own process group, IPC with structured clone. */
export function spawnOptions(cwd: string): SpawnOptions {
  return {
    cwd,
    env: {},
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    windowsHide: true,
  };
}
