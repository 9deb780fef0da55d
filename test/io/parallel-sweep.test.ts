import { learningRateSweep, SweepResult } from '../../src/engine/diagnostics';
import { mlpClassifier, mlpRegressor } from '../../src/engine/mlp';
import { playground } from '../../src/engine/data';
import { OptionError } from '../../src/engine/errors';
import { parallelLearningRateSweep, closeSweepWorkers, sweepWorkerStats } from '../../src/io/parallel-sweep';
import { COLD_POOL_WORK, WARM_POOL_WORK, sweepWork } from '../../src/io/sweep-cost';

/** Everything a sweep computes, as text that differs when any number differs in any bit. */
function fingerprint(s: SweepResult): string {
  return JSON.stringify({
    target: s.target,
    epochs: s.epochs,
    text: s.toString(),
    runs: s.runs.map((r) => ({ rate: r.learningRate, verdict: r.verdict, at: r.convergedAt, label: r.label,
      loss: r.history.loss, accuracy: r.history.accuracy, epochs: r.history.epochs, status: r.history.status, message: r.history.message,
      weights: r.model.getParameters().map((p) => Array.from(p)) })),
  });
}

const data = playground('xor', { n: 120, noise: 0.1, seed: 3 });
const options = {
  model: () => mlpClassifier({ inputs: 2, classes: 2, hidden: [6], activation: 'relu' as const, seed: 1 }),
  X: data.X,
  y: data.y,
  // too slow, converging, and a rate that diverges
  learningRates: [0.0001, 0.1, 1, 1e4],
  epochs: 30,
  batchSize: 10,
  optimizer: 'sgd' as const,
  seed: 1,
};

// Big enough to pay for starting workers: 2,000 points in batches of 10, 250 epochs (about 0.4 s of training).
const big = playground('xor', { n: 2000, noise: 0.1, seed: 4 });
const large = { ...options, X: big.X, y: big.y, epochs: 250 };

/** The estimate parallelLearningRateSweep makes of these options. */
function workOf(o: typeof options): number {
  const parameters = o.model().layers.reduce((s, l) => s + l.parameterCount, 0);
  return sweepWork({ parameters, samples: o.X.length, epochs: o.epochs, batchSize: o.batchSize, runs: o.learningRates.length });
}

async function untilReady(): Promise<void> {
  for (let t = 0; t < 1200 && sweepWorkerStats().ready < 1; t++) await new Promise((r) => setTimeout(r, 50));
}

describe('parallelLearningRateSweep', () => {
  afterAll(() => closeSweepWorkers());

  it('runs a sweep too small to pay for workers here, starting none, with the sequential sweep\'s results bit for bit', async () => {
    expect(workOf(options)).toBeLessThan(WARM_POOL_WORK);
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 8 }))).toBe(fingerprint(learningRateSweep(options)));
    expect(sweepWorkerStats()).toEqual({ workers: 0, ready: 0, runsInWorkers: 0 });
  });

  it('spreads a large sweep over workers, with the sequential sweep\'s results bit for bit, on two threads and on more threads than runs', async () => {
    expect(workOf(large)).toBeGreaterThanOrEqual(COLD_POOL_WORK);
    const sequential = fingerprint(learningRateSweep(large));
    expect(fingerprint(await parallelLearningRateSweep({ ...large, threads: 2 }))).toBe(sequential);
    expect(sweepWorkerStats().workers).toBe(1);
    // once a worker is ready, it takes a run as soon as this thread has taken the first
    await untilReady();
    expect(fingerprint(await parallelLearningRateSweep({ ...large, threads: 2 }))).toBe(sequential);
    expect(sweepWorkerStats().runsInWorkers).toBeGreaterThan(0);
    expect(fingerprint(await parallelLearningRateSweep({ ...large, threads: 8 }))).toBe(sequential);
    expect(sweepWorkerStats().workers).toBe(3); // one per run besides this thread's
    expect(sweepWorkerStats().runsInWorkers).toBeGreaterThan(0);
  }, 300000);

  it('with workers ready, still runs a small sweep here', async () => {
    await untilReady();
    expect(sweepWorkerStats().ready).toBeGreaterThanOrEqual(1);
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 2 }))).toBe(fingerprint(learningRateSweep(options)));
    expect(sweepWorkerStats().runsInWorkers).toBe(0);
  }, 120000);

  it('on one thread runs even a large sweep here', async () => {
    expect(fingerprint(await parallelLearningRateSweep({ ...large, threads: 1 }))).toBe(fingerprint(learningRateSweep(large)));
    expect(sweepWorkerStats().runsInWorkers).toBe(0);
  }, 120000);

  it('starts from a given model (copied for every rate, left untouched) and works out the default target as the sequential sweep does', async () => {
    const model = mlpRegressor({ inputs: 2, outputs: 1, hidden: [4], activation: 'tanh', seed: 2 });
    const before = JSON.stringify(model.toJSON());
    const o = { model, X: data.X, y: data.y.map((v) => v * 2 - 1), learningRates: [0.01, 0.05, 0.2], epochs: 15, batchSize: 20, seed: 'shuffle' };
    const parallel = await parallelLearningRateSweep({ ...o, threads: 2 });
    expect(fingerprint(parallel)).toBe(fingerprint(learningRateSweep(o)));
    expect(JSON.stringify(model.toJSON())).toBe(before);
    expect(parallel.runs[0].model).not.toBe(model);
  }, 120000);

  it('refuses onEpoch (the runs train in other threads) and a thread count that is not a positive integer', async () => {
    await expect(parallelLearningRateSweep({ ...options, onEpoch: () => {} } as never)).rejects.toThrow(OptionError);
    await expect(parallelLearningRateSweep({ ...options, threads: 0 })).rejects.toThrow(/threads: expected an integer ≥ 1, got 0/);
    await expect(parallelLearningRateSweep({ ...options, learningRates: [] })).rejects.toThrow(/parallelLearningRateSweep: learningRates/);
  });
});
