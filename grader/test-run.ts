// One run of the lecturer's tests, bounded in time, by the grader's own runner (grader/runner/):
// a few worker processes that run the test files one after another, jest's API for the tests
// and jest's JSON for the results, at a fraction of jest's start-up cost. The files come in
// groups (an exercise's public and hidden tests): a group runs in one process, so its files
// share one sandbox child. Each file's result is kept the moment it arrives, so a run stopped
// at its bound keeps what it graded.
import type { JestJson } from './report';
import type { FileResult } from './runner/suite';
import type { ResultMessage, RunMessage } from './runner/worker-loop';

/** What a test run produced. */
export interface TestRun {
  /** every test file that completed (all of them when the run finished) */
  json: JestJson;
  /** why the run is incomplete */
  problem?: string;
  seconds: number;
}

/** Options of runTests. */
export interface TestRunOptions {
  /** bound on the whole run, ms */
  timeoutMs: number;
  /** processes that run test files side by side */
  workers: number;
  /** a folder only the grader's user can read: the compiled tests (hidden tests included) */
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  /** stops the run early, like its time bound (what completed keeps its results) */
  signal?: AbortSignal;
  /** called with each file's result as it arrives */
  onFile?: (result: FileResult) => void;
}

/** jest's default time limit of a test, used when the project's jest.config.js sets none. */
const JEST_DEFAULT_TIMEOUT_MS = 5000;

/** The project's per-test time limit: jest.config.js's testTimeout. */
export function defaultTestTimeout(root: string): number {
  const path = require('path') as typeof import('path');
  try {
    const config = require(path.join(root, 'jest.config.js')) as { testTimeout?: unknown };
    return typeof config.testTimeout === 'number' && config.testTimeout > 0 ? config.testTimeout : JEST_DEFAULT_TIMEOUT_MS;
  } catch {
    return JEST_DEFAULT_TIMEOUT_MS;
  }
}

/** Seconds each test file took when it last ran, kept beside the compiled tests. */
function readDurations(cacheDir: string): Record<string, number> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  try {
    const d = JSON.parse(fs.readFileSync(path.join(cacheDir, 'durations.json'), 'utf8')) as unknown;
    return d && typeof d === 'object' ? (d as Record<string, number>) : {};
  } catch {
    return {};
  }
}

function writeDurations(cacheDir: string, durations: Record<string, number>): void {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const file = path.join(cacheDir, 'durations.json');
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(durations), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    /* a read-only cache: the next run orders as this one did */
  }
}

/**
 * The groups, the longest first (by their files' last durations; a group never timed counts as
 * the longest): the run ends when its longest group does, so that one starts at once, and the
 * short ones fill the other workers (as jest orders test files).
 */
export function longestFirst(groups: string[][], durations: Record<string, number>): string[][] {
  const length = (g: string[]) => g.reduce((s, f) => s + (typeof durations[f] === 'number' ? durations[f] : Infinity), 0);
  return groups
    .map((g, i) => ({ g, i, t: length(g) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : b.t - a.t))
    .map((x) => x.g);
}

/** Runs the given groups of test files of `root`; never rejects. */
export function runTests(root: string, groups: string[][], o: TestRunOptions): Promise<TestRun> {
  const path = require('path') as typeof import('path');
  const { fork } = require('child_process') as typeof import('child_process');
  type Worker = import('child_process').ChildProcess;
  const started = Date.now();
  const defaultTimeoutMs = defaultTestTimeout(root);
  const files = groups.flat();
  // Kept for the files this run does not time (another exercise), updated for those it does.
  const durations = readDurations(o.cacheDir);
  const queue = longestFirst(
    groups.filter((g) => g.length > 0).map((g) => [...g]),
    durations,
  );
  const sentAt = new Map<Worker, number>();
  const results = new Map<string, FileResult>();
  /** each worker's group: the file it runs first, then the rest */
  const busy = new Map<Worker, string[]>();
  const workers = new Set<Worker>();
  return new Promise<TestRun>((resolve) => {
    let stopped: 'timeout' | 'aborted' | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) w.kill('SIGKILL');
      writeDurations(o.cacheDir, durations);
      let problem: string | undefined;
      if (stopped === 'timeout') problem = `the grading run was stopped after ${Math.round(o.timeoutMs / 1000)} s; exercises graded by then keep their points, tests that had not finished score 0`;
      else if (stopped === 'aborted') problem = 'the grading run was stopped; exercises graded by then keep their points, tests that had not finished score 0';
      const testResults = files.filter((f) => results.has(f)).map((f) => results.get(f) as FileResult);
      resolve({ json: { testResults }, problem, seconds: (Date.now() - started) / 1000 });
    };
    const stop = (why: 'timeout' | 'aborted') => {
      stopped = stopped ?? why;
      finish();
    };
    const timer = setTimeout(() => stop('timeout'), o.timeoutMs);
    const onAbort = () => stop('aborted');
    o.signal?.addEventListener('abort', onAbort);

    const next = (w: Worker) => {
      let group = busy.get(w);
      group?.shift();
      if (!group?.length) group = queue.shift();
      if (!group) {
        busy.delete(w);
        w.disconnect(); // the worker ends on its own
        return;
      }
      busy.set(w, group);
      sentAt.set(w, Date.now());
      w.send({ file: group[0], lastOfGroup: group.length === 1, defaultTimeoutMs } satisfies RunMessage);
    };
    const start = () => {
      const w = fork(path.join(__dirname, 'runner', 'worker.js'), [], {
        cwd: root,
        // Not the grader's own flags (a TypeScript loader): the worker brings its own.
        execArgv: [],
        env: { ...o.env, ANNLAB_TEST_ROOT: root, ANNLAB_TEST_CACHE: o.cacheDir },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      workers.add(w);
      let tail = '';
      const keep = (d: Buffer) => {
        tail = (tail + d.toString('utf8')).slice(-4000);
      };
      w.stdout?.on('data', keep);
      w.stderr?.on('data', keep);
      w.on('message', (m: ResultMessage) => {
        const file = busy.get(w)?.[0];
        if (file !== undefined) {
          durations[file] = (Date.now() - (sentAt.get(w) ?? started)) / 1000;
          results.set(file, { ...m.result, name: file });
          o.onFile?.({ ...m.result, name: file });
        }
        next(w);
      });
      w.on('error', () => undefined); // 'exit' follows
      w.on('exit', (code, signal) => {
        workers.delete(w);
        const [file, ...rest] = busy.get(w) ?? [];
        busy.delete(w);
        if (finished) return;
        if (file !== undefined) {
          const last = tail.trim().split('\n').slice(-3).join(' ');
          results.set(file, { name: file, status: 'failed', message: `the test process ended (${signal ? 'signal ' + signal : 'exit code ' + code}) while running this file${last ? ': ' + last : ''}`, assertionResults: [] });
          if (rest.length) queue.unshift(rest);
          if (queue.length) start();
        }
        if (workers.size === 0) finish();
      });
      next(w);
    };
    if (o.signal?.aborted) return onAbort();
    const n = Math.max(1, Math.min(o.workers, files.length));
    if (files.length === 0) return finish();
    for (let i = 0; i < n; i++) start();
  });
}
