/**
 * The side of the harness that runs inside each contender's fresh process: read the workload,
 * build the model, time the training loop only (cold: first training in this process; warm:
 * a second training from the same initial weights), evaluate the final outputs with the one
 * yardstick of workloads.ts, and print one `BENCH_RESULT {json}` line for the parent.
 */
import { performance } from 'perf_hooks';
import { readWorkload, evaluate, WorkloadData } from './workloads';

/** A model of one contender, ready to train. */
export interface Trainer {
  /** The training loop: the only thing timed. */
  train(): void | Promise<void>;
  /** Outputs on the training set after training, [n × outputs] (probabilities or sigmoid outputs). */
  outputs(): ArrayLike<number> | Promise<ArrayLike<number>>;
  /** Releases memory the garbage collector cannot see (tfjs tensors). */
  dispose?(): void;
}

/** How a contender relates to the common setup; shown in the tables. */
export interface ContenderInfo {
  /** Starts from the workload's initial weights. */
  sameStart: boolean;
  /** Sees the batches in the workload's order, with the workload's batch size. */
  sameOrder: boolean;
  /** Same network, loss and update as the workload (so its loss must agree with annlab's). */
  sameNetwork: boolean;
  precision: 'f64' | 'f32';
  /** What differs, or anything a reader should know. */
  notes?: string;
}

/** What a child prints for the parent. */
export interface ChildResult extends ContenderInfo {
  /** Wall-clock seconds of the first training in this process. */
  cold: number;
  /** Wall-clock seconds of a second training from the same start (null: skipped, cold was long). */
  warm: number | null;
  /** CPU seconds (user + system, all threads of the process) of the same two trainings. */
  coldCpu: number;
  warmCpu: number | null;
  /** Minor page faults of the same two trainings (first touch of memory the allocator maps fresh). */
  coldFaults: number;
  warmFaults: number | null;
  loss: number;
  accuracy: number;
  maxRssMB: number;
}

const cpuSeconds = (u: { user: number; system: number }): number => (u.user + u.system) / 1e6;

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

/**
 * Runs one contender on the workload named on the command line (`--data DIR/W3`).
 * `--warm-limit S`: skip the warm run when the cold one took longer than S seconds (wall-clock and CPU).
 */
export async function runChild(
  info: ContenderInfo | ((data: WorkloadData) => ContenderInfo),
  setup: (data: WorkloadData) => Trainer | Promise<Trainer>,
): Promise<void> {
  try {
    const data = readWorkload(arg('data'));
    const warmLimit = Number(arg('warm-limit', '20'));
    const first = await setup(data);
    const faults = (): number => process.resourceUsage().minorPageFault;
    let f0 = faults();
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    await first.train();
    const cold = (performance.now() - t0) / 1000;
    const coldCpu = cpuSeconds(process.cpuUsage(c0));
    const coldFaults = faults() - f0;
    const { loss, accuracy } = evaluate(data, await first.outputs());
    first.dispose?.();
    let warm: number | null = null;
    let warmCpu: number | null = null;
    let warmFaults: number | null = null;
    // CPU time too: on a busy machine the wall clock of a short training can pass the limit
    if (Math.min(cold, coldCpu) <= warmLimit) {
      const second = await setup(data);
      f0 = faults();
      c0 = process.cpuUsage();
      t0 = performance.now();
      await second.train();
      warm = (performance.now() - t0) / 1000;
      warmCpu = cpuSeconds(process.cpuUsage(c0));
      warmFaults = faults() - f0;
      second.dispose?.();
    }
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    const i = typeof info === 'function' ? info(data) : info;
    const result: ChildResult = { ...i, cold, warm, coldCpu, warmCpu, coldFaults, warmFaults, loss, accuracy, maxRssMB };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  } catch (e) {
    process.stdout.write(`BENCH_ERROR ${JSON.stringify(String((e as Error)?.stack ?? e).split('\n').slice(0, 3).join(' | '))}\n`);
    process.exitCode = 1;
  }
}
