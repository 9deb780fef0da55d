// One jest run of the lecturer's tests, bounded in time, that takes everything it started
// down with it (grader/run-jest.js), and records each test file's results as it completes.
import type { JestJson } from './report';

/** What a jest run produced. */
export interface JestRun {
  /** every test file that completed (all of them when jest finished) */
  json?: JestJson;
  /** why the run is incomplete or has no results */
  problem?: string;
  seconds: number;
}

/** Options of runJest. */
export interface JestRunOptions {
  /** bound on the whole run, ms */
  timeoutMs: number;
  maxWorkers: number;
  /** a folder only the grader's user can read: jest's output and its cache of compiled tests */
  privateDir: string;
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  /** stops the run early, like its time bound (what completed keeps its results) */
  signal?: AbortSignal;
}

/** Reads the per-file results written so far by grader/partial-reporter.js. */
export function readPartialResults(file: string): JestJson {
  const fs = require('fs') as typeof import('fs');
  const testResults: NonNullable<JestJson['testResults']> = [];
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { testResults };
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      testResults.push(JSON.parse(line));
    } catch {
      /* a line cut by the kill */
    }
  }
  return { testResults };
}

/** Runs jest on the given test files of `root`; never rejects. */
export function runJest(root: string, files: string[], o: JestRunOptions): Promise<JestRun> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const { spawn } = require('child_process') as typeof import('child_process');
  const outFile = path.join(o.privateDir, 'jest.json');
  const partialFile = path.join(o.privateDir, 'partial.jsonl');
  const args = [
    path.join(__dirname, 'run-jest.js'),
    require.resolve('jest/bin/jest', { paths: [root] }),
    '--config',
    path.join(root, 'jest.config.js'),
    '--rootDir',
    root,
    // test/ whole: a student copy's jest.config.js leaves test/graded/ out of `npm test`.
    '--roots',
    path.join(root, 'test'),
    '--json',
    '--outputFile',
    outFile,
    '--reporters',
    'default',
    '--reporters',
    path.join(__dirname, 'partial-reporter.js'),
    '--ci',
    '--forceExit',
    '--cacheDirectory',
    o.cacheDir,
    `--maxWorkers=${o.maxWorkers}`,
    '--runTestsByPath',
    ...files,
  ];
  const started = Date.now();
  return new Promise<JestRun>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...o.env, ANNLAB_PARTIAL_RESULTS: partialFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (d: Buffer) => {
      tail = (tail + d.toString('utf8')).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let stopped: 'timeout' | 'aborted' | undefined;
    // SIGTERM: run-jest.js kills jest's whole group, then itself.
    const stop = (why: 'timeout' | 'aborted') => {
      stopped = stopped ?? why;
      child.kill('SIGTERM');
    };
    const timer = setTimeout(() => stop('timeout'), o.timeoutMs);
    const onAbort = () => stop('aborted');
    o.signal?.addEventListener('abort', onAbort);
    if (o.signal?.aborted) onAbort();
    const done = (code: number | null, signal: string | null, err?: Error) => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      const seconds = (Date.now() - started) / 1000;
      let json: JestJson | undefined;
      try {
        json = JSON.parse(fs.readFileSync(outFile, 'utf8')) as JestJson;
      } catch {
        json = undefined;
      }
      let problem: string | undefined;
      if (stopped === 'timeout') problem = `the grading run was stopped after ${Math.round(o.timeoutMs / 1000)} s; exercises graded by then keep their points, tests that had not finished score 0`;
      else if (stopped === 'aborted') problem = 'the grading run was stopped; exercises graded by then keep their points, tests that had not finished score 0';
      else if (err) problem = `jest could not start: ${err.message}`;
      else if (!json) problem = `jest ended (${signal ? 'signal ' + signal : 'exit code ' + code}) without results: ${tail.trim().split('\n').slice(-3).join(' ')}`;
      // Whatever completed before a stop counts: the per-file results written as they came.
      resolve({ json: !stopped && json ? json : readPartialResults(partialFile), problem, seconds });
    };
    child.on('error', (err) => done(null, null, err));
    child.on('exit', (code, signal) => done(code, signal));
  });
}
