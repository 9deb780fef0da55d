import { learningRateSweep, SweepResult } from '../../src/engine/diagnostics';
import { mlpClassifier, mlpRegressor } from '../../src/engine/mlp';
import { playground } from '../../src/engine/data';
import { OptionError } from '../../src/engine/errors';
import { parallelLearningRateSweep, closeSweepWorkers, sweepWorkerStats } from '../../src/io/parallel-sweep';

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

describe('parallelLearningRateSweep', () => {
  afterAll(() => closeSweepWorkers());

  it('gives the sequential sweep\'s runs bit for bit, on two threads and on more threads than runs', async () => {
    const sequential = fingerprint(learningRateSweep(options));
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 2 }))).toBe(sequential);
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 8 }))).toBe(sequential);
    // a second call reuses the started workers, which are ready by now and take runs
    const ready = sweepWorkerStats().workers;
    expect(ready).toBeGreaterThanOrEqual(1);
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 8, learningRates: [...options.learningRates, ...options.learningRates] })))
      .toBe(fingerprint(learningRateSweep({ ...options, learningRates: [...options.learningRates, ...options.learningRates] })));
    expect(sweepWorkerStats().workers).toBeGreaterThanOrEqual(ready);
    expect(sweepWorkerStats().runsInWorkers).toBeGreaterThan(0);
  }, 120000);

  it('on one thread runs here, with the same results', async () => {
    expect(fingerprint(await parallelLearningRateSweep({ ...options, threads: 1 }))).toBe(fingerprint(learningRateSweep(options)));
  });

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
