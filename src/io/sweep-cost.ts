/**
 * Whether a learning-rate sweep is worth spreading over worker threads: an estimate of its work
 * from the plan alone (before anything trains), and the work below which the runs are done in
 * the calling thread, one after another, because starting and feeding the workers would cost
 * more than they save.
 *
 * The estimate, summed over the runs (every run counted for all its epochs; one that diverges
 * stops early, so this is an upper bound):
 *
 *   work = parameters × samples × epochs + STEP_UNITS × steps,   steps = ⌈samples / batch⌉ × epochs
 *
 * The first term is proportional to the arithmetic of the matrix products; the second is the
 * fixed cost of one training step (a call into WebAssembly, the shuffle, the batch bookkeeping),
 * which dominates small networks: notebook 08's 2-8-1 network costs more per parameter ×
 * sample × epoch than W3's 64-64-10 (about 40×), and the product alone could not rank both.
 *
 * How the constants were measured (bench/extras/sweep-calibrate.js, 2026-11-30, AMD EPYC, 2 cores,
 * Node 20, the engine prebuilt as the kernel loads it; CPU time of the whole process, so that
 * other work on the busy shared machine does not inflate it; medians of 5 processes):
 *   - one unit of work 0.44 ns and one step 6.3 µs, fitted to two warm sequential sweeps of six
 *     rates: notebook 08's (3.96 M units, 12,000 steps, 0.078 s) and a W3-size one (digits,
 *     64-64-10, batch 32, 5 epochs: 259 M units, 1,710 steps, 0.12 s). So a step is worth about
 *     14,500 units (12,100–18,800 over the 5 processes).
 *   - starting one worker until it has loaded the engine: 0.13–0.16 s; a fresh worker's first six
 *     runs then take 0.07–0.12 s more than its next six (V8 compiling, the WebAssembly module
 *     instantiated in that thread).
 * On idle cores a cold pool is ready after S ≈ 0.25–0.3 s (start + first runs); until then this
 * thread trains alone, after it both share what is left, so a sweep of T seconds takes about
 * S + (T − S) / 2 (plus up to one run, the granularity): a gain only for T > S. The threshold
 * is set where the gain is about 1.15× (T = 0.4 s ≈ 0.9 G units). With workers already loaded
 * (started by an earlier sweep), S shrinks to the first runs' compile and the messages
 * (≈ 0.1 s): threshold T = 0.15 s ≈ 0.34 G units. Notebook 08's sweep estimates 0.18 G units
 * (≈ 0.08 s): below both, it runs here.
 */
import { OptionError, checkInteger, checkPositive, describeValue } from '../engine/errors';
import { checkBoolean } from '../engine/options';

/** What one training step costs beyond its arithmetic, in units of parameter × sample × epoch (measured: 14,500). */
export const STEP_UNITS = 15_000;

/** Work below which a sweep runs in this thread when no worker is ready yet (≈ 0.4 s of training). */
export const COLD_POOL_WORK = 0.9e9;

/** Work below which a sweep runs in this thread even with workers ready (≈ 0.15 s of training). */
export const WARM_POOL_WORK = 0.34e9;

/** The shape of a sweep, as far as its cost goes. */
export interface SweepSize {
  /** Trainable parameters of the model. */
  parameters: number;
  /** Rows of X. */
  samples: number;
  /** Epochs per run. */
  epochs: number;
  /** Rows per step (fit takes at most all the rows). */
  batchSize: number;
  /** Runs (learning rates). */
  runs: number;
}

/** The estimated work of a sweep: parameters × samples × epochs + STEP_UNITS × steps, summed over the runs. */
export function sweepWork(s: SweepSize): number {
  const what = 'sweepWork';
  if (typeof s !== 'object' || s === null) throw new OptionError(`${what}: expected { parameters, samples, epochs, batchSize, runs }, got ${describeValue(s)}`);
  const parameters = checkInteger(`${what}: parameters`, s.parameters, 1);
  const samples = checkInteger(`${what}: samples`, s.samples, 1);
  const epochs = checkInteger(`${what}: epochs`, s.epochs, 1);
  const batchSize = checkInteger(`${what}: batchSize`, s.batchSize, 1);
  const runs = checkInteger(`${what}: runs`, s.runs, 1);
  const steps = Math.ceil(samples / Math.min(batchSize, samples)) * epochs;
  return runs * (parameters * samples * epochs + STEP_UNITS * steps);
}

/** Whether workers pay for a sweep of this work: above COLD_POOL_WORK, or WARM_POOL_WORK when workers are ready. */
export function workersPay(work: number, workersReady: boolean): boolean {
  checkPositive('workersPay: work', work);
  checkBoolean('workersPay: workersReady', workersReady);
  return work >= (workersReady ? WARM_POOL_WORK : COLD_POOL_WORK);
}
