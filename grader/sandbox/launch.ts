// How a sandbox child is started: the strongest isolation this machine offers.
// Everywhere (the floor, macOS and Windows included): Node's permission model — the child may
// read its own script and nothing else, and may not write, start processes or workers, or load
// addons — with a heap cap, no code generation from strings, an empty environment and its own
// process group. Linux (the graders: Gradescope, CI, a lecturer's machine) adds an
// address-space cap (prlimit, or `ulimit -v` in sh), its own PID namespace when allowed (every
// process the student starts dies with it) and, when the grader runs as root, the
// unprivileged user `nobody`. ANNLAB_SANDBOX_ISOLATION=none leaves out the Linux-only parts.
import type { SpawnOptions } from 'child_process';
import { OptionError, describeValue } from '../../src/engine/errors';

/** What isolation the sandbox can use here, detected once per process. */
export interface Isolation {
  /** absolute path of prlimit, if present */ prlimit?: string;
  /** absolute path of setpriv, if present */ setpriv?: string;
  /** absolute path of sh (for `ulimit -v` when prlimit is missing) */ sh?: string;
  /** unshare works for a PID namespace */ unshare?: string;
  /** uid/gid to drop to (only when the grader runs as root) */ dropTo?: { uid: number; gid: number };
}

let cached: Isolation | undefined;

/** How long a probe may take: starting a process takes seconds on a machine at load 10. */
const PROBE_TIMEOUT_MS = 30_000;

/** The isolation a grading run detected, handed to its test processes (JSON) so that each does
 *  not probe again (every probe starts processes). */
export const ISOLATION_ENV = 'ANNLAB_ISOLATION';

/** The unprivileged user a root grader drops to. */
const NOBODY = { uid: 65534, gid: 65534 };

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
 * Whether `nobody` can start Node and read the child's script. A Node installed under a
 * private folder (e.g. /root/.nvm, mode 700) cannot be run by `nobody`: the child then keeps
 * the grader's user, with every other limit in place (the permission model included). Asked of
 * the kernel (access(2) as `nobody`, through sh's `test`) rather than by starting Node as
 * `nobody`: the same answer for 2 ms of CPU instead of 0.13 s, paid by every test file.
 */
function nobodyCanRun(iso: Isolation, spawnSync: typeof import('child_process').spawnSync): boolean {
  if (!iso.setpriv || !iso.sh) return false;
  return asNobody(iso.setpriv, iso.sh, 'test -x "$1" && test -r "$2"', [process.execPath, childScript()], spawnSync) === true;
}

/** Runs `sh -c script` as the user nobody: whether it exits with 0, undefined when it did not finish in time. */
function asNobody(setpriv: string, sh: string, script: string, args: string[], spawnSync: typeof import('child_process').spawnSync): boolean | undefined {
  const r = spawnSync(setpriv, [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', '--', sh, '-c', script, 'sh', ...args], {
    stdio: 'ignore',
    timeout: PROBE_TIMEOUT_MS,
    cwd: '/',
    env: {},
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return undefined;
  return r.status === 0;
}

/** Detects the isolation available (cached); ANNLAB_SANDBOX_ISOLATION=none turns it off. */
export function detectIsolation(): Isolation {
  if (cached) return cached;
  const handed = process.env[ISOLATION_ENV];
  if (handed) {
    try {
      return (cached = JSON.parse(handed) as Isolation);
    } catch {
      /* not ours: probe */
    }
  }
  const iso: Isolation = {};
  if (process.platform === 'linux' && process.env.ANNLAB_SANDBOX_ISOLATION !== 'none') {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    iso.prlimit = which('prlimit');
    iso.sh = which('sh');
    iso.setpriv = which('setpriv');
    const unshare = which('unshare');
    if (unshare) {
      // Whether this process may make a PID namespace: any program answers (sh exits at once;
      // Node would take 0.13 s of CPU to say the same).
      const r = spawnSync(unshare, ['--pid', '--fork', '--kill-child', '--', ...(iso.sh ? [iso.sh, '-c', 'exit 0'] : [process.execPath, '-e', '0'])], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS });
      if (r.status === 0) iso.unshare = unshare;
    }
    if (typeof process.getuid === 'function' && process.getuid() === 0 && nobodyCanRun(iso, spawnSync)) {
      iso.dropTo = { ...NOBODY };
    }
  }
  cached = iso;
  return iso;
}

let runtimeScript: string | undefined;

/** The prefix of the folders that hold a copy of the child's script. */
export const RUNTIME_PREFIX = 'annlab-sandbox-runtime-';

/**
 * The child's script, copied once per process into a folder of its own under the temporary
 * folder, readable by everyone: the one file the child may read (the project itself may lie in a
 * folder that `nobody` cannot enter, such as /root).
 */
export function childScript(): string {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  if (runtimeScript && fs.existsSync(runtimeScript)) return runtimeScript;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), RUNTIME_PREFIX));
  fs.chmodSync(dir, 0o755);
  // Its owner, so that a later run removes it if this process is killed before its 'exit'.
  fs.writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: process.pid }));
  const file = path.join(dir, 'child.js');
  fs.copyFileSync(path.join(__dirname, 'child.js'), file);
  fs.chmodSync(file, 0o444);
  runtimeScript = file;
  process.once('exit', () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  return file;
}

/** Node's permission model flags: read the child's script only; nothing else is allowed. */
export function permissionFlags(script: string): string[] {
  const major = Number(process.versions.node.split('.')[0]);
  // Node 20–22 name it --experimental-permission; 23.5 and later --permission.
  return [major >= 23 ? '--permission' : '--experimental-permission', `--allow-fs-read=${script}`, '--no-warnings'];
}

/**
 * Whether the sandbox's user can enter `dir` (its working folders live there). Only a question
 * when the child drops to another user: a grader run as root with TMPDIR inside a folder that
 * only root may enter would otherwise give every student a child that cannot start.
 */
export function sandboxUserCanEnter(dir: string): boolean {
  const iso = detectIsolation();
  if (!iso.dropTo || !iso.setpriv || !iso.sh) return true;
  const { spawnSync } = require('child_process') as typeof import('child_process');
  // A probe that did not finish (an overloaded machine) proves nothing: grade, and a child that
  // cannot start says so itself.
  return asNobody(iso.setpriv, iso.sh, 'cd "$1"', [dir], spawnSync) !== false;
}

export interface LaunchLimits {
  heapMb: number;
  addressSpaceMb: number;
  /** the most one WebAssembly memory may hold, MB. @default {@link WASM_MEMORY_MB} */
  wasmMemoryMb?: number;
}

/** What one WebAssembly memory may hold in a sandbox child, MB: the course's networks and
 *  products need a few MB; a larger one fails to grow and the engine computes in JavaScript. */
export const WASM_MEMORY_MB = 64;

/**
 * WebAssembly inside the address-space cap. With its trap handler a memory reserves ~10 GB of
 * guard pages, which the cap refuses: each refusal cost V8 ~0.12 s of CPU in garbage collections
 * before it gave up (0.3 s per child: the engine makes two memories when it loads), and the
 * engine then trained in JavaScript. Without the trap handler (explicit bounds checks) a memory
 * reserves its maximum, capped here, so the engine's memories fit beside the heap: bounds are
 * still checked, and a memory past the cap fails to grow (the engine then computes in JavaScript).
 */
export function wasmFlags(memoryMb: number): string[] {
  if (!Number.isInteger(memoryMb) || memoryMb < 1 || memoryMb > 4096) throw new OptionError(`wasmMemoryMb: expected a whole number of MB from 1 to 4096, got ${describeValue(memoryMb)}`);
  return ['--disable-wasm-trap-handler', `--wasm-max-mem-pages=${memoryMb * 16}`];
}

/** The command line that starts `node script` inside the limits. */
export function launchCommand(iso: Isolation, limits: LaunchLimits, script: string): { cmd: string; args: string[] } {
  const flags = [...permissionFlags(script), `--max-old-space-size=${limits.heapMb}`, '--disallow-code-generation-from-strings', ...wasmFlags(limits.wasmMemoryMb ?? WASM_MEMORY_MB)];
  let argv: string[] = [process.execPath, ...flags, script];
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
