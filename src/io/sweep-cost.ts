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
 * which dominates small networks: notebook 08's 2-8-1 network costs about 20× more per
 * parameter × sample × epoch than W3's 64-64-10, and the product alone could not rank both.
 *
 * How the constants were measured (2026-11-30, AMD EPYC, 2 cores shared with other work, Node 20,
 * the engine prebuilt as the kernel loads it). CPU time, never wall time: on the busy machine a
 * second thread found no free core, so wall-clock ratios said nothing about an idle one.
 *   - Costs (bench/extras/sweep-calibrate.js, CPU time of the whole process, medians of 5):
 *     one unit 0.30 ns and one step 1.9 µs (so a step is worth 6,200–7,600 units), fitted to two
 *     warm sequential sweeps of six rates at the size where the choice is made: notebook 08's at
 *     1000 epochs (40 M units, 120,000 steps, 0.24 s) and a W3-size one (the digits, batch 32, 20
 *     epochs: 1.04 G units, 6,840 steps, 0.32 s). Starting a worker until it has loaded the
 *     engine: 0.12–0.15 s; its first six runs then take 0.07–0.1 s more than its next six (V8
 *     compiling, the WebAssembly module instantiated in that thread).
 *   - The break-even (bench/extras/sweep-threads.js: each thread's own CPU time, from
 *     /proc/self/task; on idle cores the parallel sweep would take about its busiest thread's
 *     time; paired with the sequential sweep, 5 processes each): with the pool cold, the digits
 *     at 20 epochs (1.08 G units, 0.40 s) gain 1.07×, at 40 epochs (2.1 G units, 0.69 s) 1.30×;
 *     notebook 08 at 1000 epochs (0.83 G units, 0.24 s) 1.05×, and less counting V8's helper
 *     threads. With the workers loaded by an earlier sweep it gains 1.55× (0.18 s).
 * So the threshold is 1.3 G units (about 0.4 s of training) while no worker is ready, and
 * 0.5 G units (about 0.15 s: a worker loaded but not yet compiled still about breaks even)
 * once one is. Notebook 08's sweep estimates 0.08 G units (0.04–0.08 s): it runs here.
 */
import { OptionError, checkInteger, checkPositive, describeValue } from '../engine/errors';
import { checkBoolean } from '../engine/options';

/** What one training step costs beyond its arithmetic, in units of parameter × sample × epoch (measured: 6,200–7,600). */
export const STEP_UNITS = 6_500;

/** Work below which a sweep runs in this thread when no worker is ready yet (≈ 0.4 s of training). */
export const COLD_POOL_WORK = 1.3e9;

/** Work below which a sweep runs in this thread even with workers ready (≈ 0.15 s of training). */
export const WARM_POOL_WORK = 0.5e9;

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
