// The test process side of the sandbox: `exercise('02-perceptron').call('perceptronUpdate', w, x)`
// runs the student's function in a child process and returns its (structured-cloned)
// result, or rejects with a StudentCodeError that a student can read.
import type { ChildProcess } from 'child_process';
import { childScript, detectIsolation, launchCommand, spawnOptions, wasmFlags, WASM_MEMORY_MB } from './launch';
import { engineBundle } from './engine-bundle';
import { studentFiles } from './student-files';
import { cpuAwareTimeout, killGroup } from './process-limits';
import { StudentCodeError } from './types';
import { cleanFolder, keep, poolKey, shareChildren, sharingChildren, takeKept } from './child-pool';
import type { Kept } from './child-pool';
import { callFailureText, exitFailure, loadFailure } from './failures';
import type { ChildError } from './failures';
import { recordCall } from '../call-log';
import type { CallOptions, CallWithArgs, SandboxOptions, StudentErrorKind, StudentModule } from './types';

export { StudentCodeError } from './types';
export { shareChildren } from './child-pool';
export type { CallOptions, CallWithArgs, SandboxOptions, StudentErrorKind, StudentModule } from './types';

interface Pending {
  id: number;
  fn: string;
  args: unknown[];
  timeoutMs: number;
  returnArgs: boolean;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

const PROJECT_ROOT: string = (require('path') as typeof import('path')).resolve(__dirname, '..', '..');
const live = new Set<Sandbox>();

/** Wall-clock allowance for starting a child (node and the engine), before the file's own load limit. */
const START_MS = 20_000;

/** solutions/ in the lecturer's copy; exercises/ in the students' release (no solutions/). */
function defaultTarget(): string {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const solutions = path.join(PROJECT_ROOT, 'solutions');
  return fs.existsSync(solutions) ? solutions : path.join(PROJECT_ROOT, 'exercises');
}

function seconds(ms: number): string {
  return `${+(ms / 1000).toFixed(2)} s`;
}

class Sandbox implements StudentModule {
  private child: ChildProcess | undefined;
  private cwd: string | undefined;
  private loading: Promise<string[]> | undefined;
  private loadFailure: StudentCodeError | undefined;
  private queue: Pending[] = [];
  private current: Pending | undefined;
  private timer: { cancel(): void } | undefined;
  private nextId = 1;
  private spentMs = 0;
  private callStarted = 0;
  private stderrTail = '';
  private key: string | undefined;
  private exported: string[] | undefined;
  readonly file: string;
  readonly opts: Required<SandboxOptions>;

  constructor(
    readonly name: string,
    options: SandboxOptions,
  ) {
    const path = require('path') as typeof import('path');
    const envTimeout = Number(process.env.ANNLAB_CALL_TIMEOUT_MS);
    this.opts = {
      timeoutMs: options.timeoutMs ?? (envTimeout > 0 ? envTimeout : 2000),
      loadTimeoutMs: options.loadTimeoutMs ?? 5000,
      heapMb: options.heapMb ?? 512,
      addressSpaceMb: options.addressSpaceMb ?? 2048,
      wasmMemoryMb: options.wasmMemoryMb ?? WASM_MEMORY_MB,
      budgetMs: options.budgetMs ?? 60000,
      target: path.resolve(options.target ?? process.env.ANNLAB_TARGET ?? defaultTarget()),
    };
    wasmFlags(this.opts.wasmMemoryMb); // checked here, not when the child starts
    this.file = path.join(this.opts.target, `${name}.ts`);
  }

  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T> {
    return this.callWith<T>({}, fn, ...args);
  }

  callWith<T = unknown>(options: CallOptions & { returnArgs?: false }, fn: string, ...args: unknown[]): Promise<T>;
  callWith<T = unknown>(options: CallOptions & { returnArgs: true }, fn: string, ...args: unknown[]): Promise<CallWithArgs<T>>;
  callWith<T = unknown>(options: CallOptions, fn: string, ...args: unknown[]): Promise<T | CallWithArgs<T>> {
    return new Promise<T | CallWithArgs<T>>((resolve, reject) => {
      const returnArgs = options.returnArgs === true;
      this.queue.push({ id: this.nextId++, fn, args, timeoutMs: options.timeoutMs ?? this.opts.timeoutMs, returnArgs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  exports(): Promise<string[]> {
    return this.load();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  close(): void {
    this.stop();
    live.delete(this);
  }

  /** Hands a loaded, idle, healthy child to the next module of the same key (shareChildren). */
  release(): void {
    const child = this.child;
    const idle = !this.current && this.queue.length === 0;
    if (!sharingChildren() || !child || !this.key || !this.exported || !idle || !keep(this.key, { child, cwd: this.cwd, exports: this.exported })) {
      this.close();
      return;
    }
    this.child = undefined;
    this.cwd = undefined;
    this.loading = undefined;
    live.delete(this);
  }

  /** Takes over a kept child: its answers and its end are this module's from now on. */
  private adopt(k: Kept): string[] {
    const child = k.child;
    this.child = child;
    this.cwd = k.cwd;
    this.exported = k.exports;
    this.stderrTail = '';
    live.add(this);
    child.stderr?.on('data', (d: Buffer) => {
      if (this.child === child) this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-4000);
    });
    child.on('message', (msg: { type: string; [k: string]: unknown }) => {
      if (this.child === child && msg.type === 'result') this.onResult(msg as never);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      const current = this.current;
      const e = this.exitError(current ? current.fn : '', code, signal);
      this.stop();
      if (current) this.finish(current, undefined, e);
    });
    return k.exports;
  }

  private where(): string {
    return `exercises/${this.name}.ts`;
  }

  private fail(kind: StudentErrorKind, fn: string, message: string): StudentCodeError {
    return new StudentCodeError(kind, message, this.name, fn);
  }

  /** Starts the child and loads the student file; resolves with its function exports. The
   *  child's start and the file's loading count against the budget of all calls. */
  private load(): Promise<string[]> {
    if (this.loadFailure) return Promise.reject(this.loadFailure);
    if (this.loading) return this.loading;
    this.loading = new Promise<string[]>((resolve, reject) => {
      const fs = require('fs') as typeof import('fs');
      const os = require('os') as typeof import('os');
      const path = require('path') as typeof import('path');
      const { spawn } = require('child_process') as typeof import('child_process');
      const files = studentFiles(this.opts.target, this.name);
      if (!files[this.name]) {
        const e = this.fail('missing-export', '', `${this.where()} is missing: the file must exist with its exported functions`);
        this.loadFailure = e;
        reject(e);
        return;
      }
      const remaining = this.opts.budgetMs - this.spentMs;
      if (remaining <= 0) {
        const e = this.fail('timeout', '', `${this.where()} used up its time budget (${seconds(this.opts.budgetMs)} for loading and all calls): it was not loaded again`);
        this.loadFailure = e;
        reject(e);
        return;
      }
      this.key = poolKey(this.opts, this.name, files);
      const k = takeKept(this.key);
      if (k) {
        resolve(this.adopt(k));
        return;
      }
      const engine = engineBundle(PROJECT_ROOT);
      const iso = detectIsolation();
      this.cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-sandbox-'));
      if (iso.dropTo) fs.chownSync(this.cwd, iso.dropTo.uid, iso.dropTo.gid);
      const { cmd, args } = launchCommand(iso, this.opts, childScript());
      const startedAt = Date.now();
      const child = spawn(cmd, args, spawnOptions(this.cwd));
      this.child = child;
      this.stderrTail = '';
      live.add(this);
      child.stdout?.on('data', () => undefined); // drained and dropped: printing is not grading
      child.stderr?.on('data', (d: Buffer) => {
        this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-4000);
      });
      let settled = false;
      let loaded = false;
      let timer: { cancel(): void } | undefined;
      const settle = (error: StudentCodeError | undefined, exported?: string[]) => {
        if (settled) return;
        settled = true;
        timer?.cancel();
        this.spentMs += Date.now() - startedAt;
        if (error) {
          reject(error);
        } else resolve(exported as string[]);
      };
      // Starting and loading share one wall-clock limit, within what is left of the budget:
      // a child that stalls or starves while loading cannot stretch the whole run.
      const limit = Math.min(START_MS + this.opts.loadTimeoutMs, remaining);
      const wallTimer = setTimeout(() => {
        this.loadFailure = this.fail(
          'timeout',
          '',
          limit === remaining
            ? `${this.where()} used up its time budget (${seconds(this.opts.budgetMs)} for loading and all calls) while ${loaded ? 'loading' : 'starting'}: is there slow code at the top level of the file (outside any function)?`
            : loaded
              ? `loading ${this.where()} did not finish within ${seconds(limit)}: is there an endless loop at the top level of the file (outside any function)?`
              : `the sandbox for ${this.where()} did not start within ${seconds(limit)} (is the machine overloaded?)`,
        );
        this.stop();
        settle(this.loadFailure);
      }, limit);
      timer = { cancel: () => clearTimeout(wallTimer) };
      child.on('message', (msg: { type: string; [k: string]: unknown }) => {
        if (this.child !== child) return;
        if (msg.type === 'hello') {
          // From now on the student's top-level code runs, under the load limit.
          loaded = true;
          const inner = cpuAwareTimeout(child.pid, this.opts.loadTimeoutMs, () => {
            this.loadFailure = this.fail(
              'timeout',
              '',
              `loading ${this.where()} did not finish within ${seconds(this.opts.loadTimeoutMs)}: is there an endless loop at the top level of the file (outside any function)?`,
            );
            this.stop();
            settle(this.loadFailure);
          });
          const outer = timer;
          timer = { cancel: () => (inner.cancel(), outer?.cancel()) };
          child.send({ type: 'init', name: this.name, engine: engine.modules, ioNames: engine.ioNames, files });
        } else if (msg.type === 'ready') {
          this.exported = msg.exports as string[];
          settle(undefined, msg.exports as string[]);
        } else if (msg.type === 'load-error') {
          this.loadFailure = this.loadError(msg.error as ChildError);
          this.stop();
          settle(this.loadFailure);
        } else if (msg.type === 'result') {
          this.onResult(msg as never);
        }
      });
      child.on('error', (err) => {
        if (this.child !== child) return;
        this.stop();
        settle(this.fail('crash', '', `the sandbox could not start: ${err.message}`));
      });
      child.on('exit', (code, signal) => {
        if (this.child !== child) return; // stopped on purpose: already handled
        const current = this.current;
        const e = this.exitError(current && settled ? current.fn : '', code, signal);
        this.stop();
        if (!settled) {
          this.loadFailure = e;
          settle(e);
        } else if (current) this.finish(current, undefined, e);
      });
      child.unref();
      (child as unknown as { channel?: { unref(): void } }).channel?.unref();
      (child.stdout as unknown as { unref?: () => void })?.unref?.();
      (child.stderr as unknown as { unref?: () => void })?.unref?.();
    });
    return this.loading;
  }

  private loadError(err: ChildError): StudentCodeError {
    const { kind, text } = loadFailure(this.where(), err);
    return this.fail(kind, '', text);
  }

  private exitError(fn: string, code: number | null, signal: NodeJS.Signals | null): StudentCodeError {
    const { kind, text } = exitFailure(fn ? `${fn}()` : `loading ${this.where()}`, code, signal, this.stderrTail, this.opts.heapMb);
    return this.fail(kind, fn, text);
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const p = this.queue.shift() as Pending;
    this.current = p;
    if (this.spentMs >= this.opts.budgetMs) {
      this.finish(p, undefined, this.fail('timeout', p.fn, `${this.where()} used up its time budget (${seconds(this.opts.budgetMs)} for loading and all calls): ${p.fn}() was not run; make the slow functions faster`));
      return;
    }
    this.callStarted = Date.now();
    this.load().then(
      (exported) => {
        if (this.current !== p) return;
        if (!exported.includes(p.fn)) {
          const list = exported.length ? exported.join(', ') : 'no functions';
          this.finish(p, undefined, this.fail('missing-export', p.fn, `${this.where()} has no exported function '${p.fn}' (it exports ${list}); keep the name and the 'export' keyword`));
          return;
        }
        const child = this.child as ChildProcess;
        this.callStarted = Date.now();
        this.timer = cpuAwareTimeout(child.pid, p.timeoutMs, () => {
          if (this.current !== p) return;
          this.finish(p, undefined, this.fail('timeout', p.fn, `${p.fn}() did not return within ${seconds(p.timeoutMs)} and was stopped: an endless loop, or a promise that never settles?`));
          this.stop();
        });
        try {
          child.send({ type: 'call', id: p.id, fn: p.fn, args: p.args, returnArgs: p.returnArgs }, (err) => {
            if (err && this.current === p) this.finish(p, undefined, this.fail('threw', p.fn, `the arguments of ${p.fn}() could not be sent to the sandbox: ${err.message}`));
          });
        } catch (err) {
          this.finish(p, undefined, this.fail('threw', p.fn, `the arguments of ${p.fn}() could not be sent to the sandbox: ${(err as Error).message}`));
        }
      },
      (err) => {
        if (this.current !== p) return;
        this.finish(p, undefined, err instanceof StudentCodeError ? new StudentCodeError(err.kind, err.message, this.name, p.fn) : err);
      },
    );
  }

  private onResult(msg: { id: number; ok: boolean; value?: unknown; error?: ChildError }): void {
    const p = this.current;
    if (!p || p.id !== msg.id) return; // late or forged answer
    if (msg.ok) {
      if (!p.returnArgs) {
        this.finish(p, msg.value);
        return;
      }
      // The child answers { result, args }; anything else is not from the protocol.
      const v = msg.value as { result?: unknown; args?: unknown } | undefined;
      if (!v || typeof v !== 'object' || !Array.isArray(v.args) || v.args.length !== p.args.length) {
        this.finish(p, undefined, this.fail('crash', p.fn, `${p.fn}(): the sandbox did not send back the arguments after the call`));
        return;
      }
      this.finish(p, { result: v.result, args: v.args });
      return;
    }
    const e = msg.error as ChildError;
    this.finish(p, undefined, this.fail(e.kind, p.fn, callFailureText(this.where(), p.fn, e)));
  }

  private finish(p: Pending, value: unknown, error?: unknown): void {
    if (this.current !== p) return;
    this.timer?.cancel();
    this.timer = undefined;
    this.current = undefined;
    const ms = Date.now() - this.callStarted;
    recordCall(this.name, p.fn, ms, p.timeoutMs, error instanceof StudentCodeError && error.kind === 'timeout' && ms >= p.timeoutMs);
    this.spentMs += ms;
    if (error) p.reject(error);
    else p.resolve(value);
    this.pump();
  }

  private cleanCwd(): void {
    cleanFolder(this.cwd);
    this.cwd = undefined;
  }


  /** Kills the child's whole process group; the next call starts a fresh child. */
  stop(): void {
    if (this.child) {
      killGroup(this.child);
      this.child = undefined;
    }
    this.loading = undefined;
    this.exported = undefined;
    this.cleanCwd();
  }
}

/** Opens a student's exercise file `<target>/<name>.ts` in a sandbox child process. */
export function exercise(name: string, options: SandboxOptions = {}): StudentModule {
  return new Sandbox(name, options);
}

/** Stops every sandbox child of this process (with shareChildren on, keeps each loaded, idle one
 *  for the next test file of its exercise). */
export function closeAllSandboxes(): void {
  for (const s of [...live]) s.release();
  live.clear();
}

process.on('exit', () => {
  shareChildren(false); // ends the kept children
  for (const s of live) s.stop();
  live.clear();
});
