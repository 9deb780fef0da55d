/**
 * The learning-rate sweep on every core: the runs of {@link learningRateSweep} spread over worker
 * threads and this thread. Each run is the engine's own `runSweepJob` (the same `sweepRun` the
 * sequential sweep calls, from a copy of the same starting weights), so the results are the
 * same numbers, bit for bit. An edge module: worker threads are Node's, the engine stays pure.
 *
 * A sweep too small to pay for the workers (src/io/sweep-cost.ts: its work estimated from the
 * plan, below about 0.4 s of training, or 0.15 s once workers are ready) runs here, one run
 * after the other, starting no worker. The workers are started by the first sweep that needs
 * them and kept (idle, not holding the process open), so later sweeps start at once. Where no
 * worker can start (a sandbox, the engine compiled in memory by a kernel) the runs happen here
 * too, with the same results.
 */
import * as os from 'os';
import { Worker } from 'worker_threads';
import { OptionError, checkInteger } from '../engine/errors';
import { planSweep, runSweepJob, runFromResult, sweepResult, toPortable, SweepJob, SweepJobResult, SweepOptions, SweepResult } from '../engine/diagnostics';
import { DEFAULT_BATCH_SIZE } from '../engine/mlp/fit-options';
import { sweepWork, workersPay } from './sweep-cost';

/** Options of {@link parallelLearningRateSweep}: those of learningRateSweep (without onEpoch), and the threads. */
export interface ParallelSweepOptions extends Omit<SweepOptions, 'onEpoch'> {
  /** Threads that train, this one included. @default os.availableParallelism() (every core) */
  threads?: number;
}

/** The most threads a sweep may ask for (each holds a copy of the data and the engine). */
const MAX_THREADS = 256;

/** One worker of the pool, ready after it loaded the engine. */
interface PoolWorker {
  worker: Worker;
  ready: Promise<boolean>;
  /** Set once the worker has loaded the engine. */
  isReady: boolean;
  run(job: SweepJob): Promise<SweepJobResult>;
}

// The code each worker runs: load the engine's sweep job (registering tsx first where the engine is TypeScript source).
const WORKER_CODE = `
const { parentPort, workerData } = require('worker_threads');
if (workerData.register) require(workerData.register).register();
const { runSweepJob } = require(workerData.engine);
parentPort.on('message', (job) => {
  let reply;
  try { reply = { result: runSweepJob(job) }; } catch (e) { reply = { error: String((e && e.stack) || e) }; }
  parentPort.postMessage(reply);
});
parentPort.postMessage({ ready: true });
`;

const pool: PoolWorker[] = [];
/** Runs of the last sweep that a worker trained (the others ran in the calling thread). */
let lastRunsInWorkers = 0;

/** How the last parallel sweep went: workers in the pool (started; ready: loaded the engine), runs they trained (0: all here). */
export function sweepWorkerStats(): { workers: number; ready: number; runsInWorkers: number } {
  return { workers: pool.length, ready: pool.filter((w) => w.isReady).length, runsInWorkers: lastRunsInWorkers };
}

/** Where the worker loads the engine from, and the TypeScript loader it needs first (null: none can start here). */
function workerSource(): { engine: string; register?: string } | null {
  try {
    const engine = require.resolve('../engine/diagnostics/sweep-job');
    if (!/\.[cm]?js$/.test(engine) && !/\.tsx?$/.test(engine)) return null;
    return /\.tsx?$/.test(engine) ? { engine, register: require.resolve('tsx/cjs/api') } : { engine };
  } catch {
    return null; // e.g. the engine exists only in a kernel's memory
  }
}

function startWorker(source: { engine: string; register?: string }): PoolWorker {
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: source });
  worker.unref(); // an idle pool does not keep the process alive
  let waiting: { resolve(r: SweepJobResult): void; reject(e: Error): void } | null = null;
  let markReady: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (markReady = resolve));
  const drop = (e: Error) => {
    const i = pool.indexOf(self);
    if (i >= 0) pool.splice(i, 1);
    self.isReady = false;
    markReady(false);
    waiting?.reject(e);
    waiting = null;
  };
  worker.on('message', (m: { ready?: boolean; result?: SweepJobResult; error?: string }) => {
    if (m.ready) {
      self.isReady = true;
      return markReady(true);
    }
    const w = waiting;
    waiting = null;
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.result as SweepJobResult);
  });
  worker.on('error', drop);
  worker.on('exit', (code) => drop(new Error(`sweep worker exited with code ${code}`)));
  const self: PoolWorker = {
    worker,
    ready,
    isReady: false,
    run(job) {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage(job);
      });
    },
  };
  return self;
}

/** Up to `n` workers of the pool, started if needed ([] where none can start). */
function workers(n: number): PoolWorker[] {
  const source = workerSource();
  if (!source) return [];
  try {
    while (pool.length < n) pool.push(startWorker(source));
  } catch {
    return pool.slice(0, n); // worker threads unavailable (e.g. a memory cap): fewer or none
  }
  return pool.slice(0, n);
}

/** Stops the pool's workers (they are started again when needed). */
export async function closeSweepWorkers(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * {@link learningRateSweep} with its runs spread over all cores: the same runs, labels and
 * trained models, bit for bit, in less time when the sweep is long enough to pay for the
 * workers. A shorter one (estimated from the plan: parameters × samples × epochs plus a cost per
 * step, summed over the runs; see src/io/sweep-cost.ts) runs in this thread, one run after the
 * other, as `threads: 1` does; `sweepWorkerStats()` tells how many runs went to workers.
 */
export async function parallelLearningRateSweep(o: ParallelSweepOptions): Promise<SweepResult> {
  if (o && typeof o === 'object' && 'onEpoch' in o && (o as SweepOptions).onEpoch !== undefined) {
    throw new OptionError('parallelLearningRateSweep: onEpoch: expected no onEpoch (the runs train in other threads); use learningRateSweep for live progress');
  }
  const plan = planSweep(o as SweepOptions, 'parallelLearningRateSweep', ['threads']);
  const threads = checkInteger('parallelLearningRateSweep: threads', o.threads ?? (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length), 1, MAX_THREADS);
  const X = toPortable(o.X);
  const y = toPortable(o.y);
  const first = plan.fresh();
  const jobs: SweepJob[] = plan.learningRates.map((learningRate, i) => ({ model: (i === 0 ? first : plan.fresh()).toJSON(), X, y, learningRate, shared: plan.shared }));
  const work = sweepWork({
    parameters: first.layers.reduce((sum, l) => sum + l.parameterCount, 0),
    samples: 'rows' in X ? X.rows : (X as ArrayLike<unknown>).length, // (a list of numbers is a column: one sample each)
    epochs: plan.shared.epochs,
    batchSize: plan.shared.batchSize ?? DEFAULT_BATCH_SIZE,
    runs: jobs.length,
  });
  const helpers = threads > 1 && jobs.length > 1 && workersPay(work, pool.some((w) => w.isReady)) ? workers(Math.min(threads, jobs.length) - 1) : [];
  const results: SweepJobResult[] = new Array(jobs.length);
  let next = 0;
  let inWorkers = 0;
  const take = (): number => (next < jobs.length ? next++ : -1);
  // A worker takes a run only once it is ready, so a slow start never delays a run this thread
  // could do; and once this thread has taken the last run, a worker still loading is not waited for.
  let hereDone: (ready: false) => void = () => {};
  const allTaken = new Promise<false>((resolve) => (hereDone = resolve));
  const running = helpers.map(async (w) => {
    if (!(await Promise.race([w.ready, allTaken]))) return;
    for (let i = take(); i >= 0; i = take()) {
      try {
        results[i] = await w.run(jobs[i]);
        inWorkers++;
      } catch {
        results[i] = runSweepJob(jobs[i]); // the worker failed: this thread does the run
        return;
      }
    }
  });
  // This thread trains too, one run at a time, letting the workers' messages in between.
  for (let i = take(); i >= 0; i = take()) {
    results[i] = runSweepJob(jobs[i]);
    if (helpers.length > 0) await nextTurn();
  }
  hereDone(false);
  await Promise.all(running);
  lastRunsInWorkers = inWorkers;
  return sweepResult(results.map((r) => runFromResult(r, plan.shared.target)), plan.shared);
}
