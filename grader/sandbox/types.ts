// What tests see of the sandbox: the student module, its options, and the error a student reads.

/** Why a call into student code failed. */
export type StudentErrorKind = 'timeout' | 'crash' | 'memory' | 'not-implemented' | 'threw' | 'compile' | 'missing-export';

/** A call into student code failed; `message` is written for the student. */
export class StudentCodeError extends Error {
  override readonly name = 'StudentCodeError';
  constructor(
    readonly kind: StudentErrorKind,
    message: string,
    /** exercise file name, e.g. '02-perceptron' */ readonly exercise: string,
    /** the function called, or '' for loading the file */ readonly fn: string,
  ) {
    super(message);
  }
}

/** A student's exercise file, loaded in a sandbox child. */
export interface StudentModule {
  /** Calls the exported function `fn` with structured-cloned `args`. */
  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T>;
  /** Same as call, with a time limit for this call only. */
  callWith<T = unknown>(options: CallOptions & { returnArgs?: false }, fn: string, ...args: unknown[]): Promise<T>;
  /** Same as call, and also returns the arguments as the student's function left them
   *  (the sandbox's copies, after the call): a test can tell a function that changed its
   *  inputs in place. */
  callWith<T = unknown>(options: CallOptions & { returnArgs: true }, fn: string, ...args: unknown[]): Promise<CallWithArgs<T>>;
  /** Names of the exported functions (rejects like `call` when the file does not load). */
  exports(): Promise<string[]>;
  /** Stops the child (the next call starts a new one). */
  close(): void;
  readonly name: string;
  /** process id of the running child (its process group), if any: for tests of the grader */
  readonly pid: number | undefined;
}

/** Options of one call into student code. */
export interface CallOptions {
  /** time limit for this call, ms. @default the sandbox's timeoutMs */
  timeoutMs?: number;
  /** also send back the arguments as they were after the call. @default false */
  returnArgs?: boolean;
}

/** What `callWith({ returnArgs: true }, ...)` resolves to. */
export interface CallWithArgs<T> {
  /** what the function returned */
  result: T;
  /** the arguments as the function left them (equal to the test's own copies unless it mutated them) */
  args: unknown[];
}

/** Limits of a sandbox. */
export interface SandboxOptions {
  /** time limit per call, ms. @default 2000 (ANNLAB_CALL_TIMEOUT_MS overrides) */
  timeoutMs?: number;
  /** time limit for loading the file (its top-level code), ms. @default 5000 */
  loadTimeoutMs?: number;
  /** V8 heap cap, MB. @default 512 */
  heapMb?: number;
  /** address-space cap (covers ArrayBuffers), MB. @default 2048 */
  addressSpaceMb?: number;
  /** the most one WebAssembly memory may hold (the engine's kernels and training step), MB;
   *  beyond it the engine computes in JavaScript. @default 64 */
  wasmMemoryMb?: number;
  /** folder of exercise files. @default ANNLAB_TARGET or <project>/solutions */
  target?: string;
  /** total wall time of this module (one test file), ms: the child's start, the file's loading
   *  and all calls. Past it, calls fail at once, so one slow exercise cannot eat the whole
   *  grading run. @default 60000 */
  budgetMs?: number;
}
