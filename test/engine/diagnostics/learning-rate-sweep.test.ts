import { learningRateSweep } from '../../../src/engine/diagnostics';
import { MLP } from '../../../src/engine/mlp';
import { OptionError } from '../../../src/engine/errors';
import { seededRng } from '../../../src/engine/rng';

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [0, 1, 1, 0];
const xorNet = (seed: number | string | undefined = 1) =>
  new MLP({ inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: seed ?? 1 });

describe('learningRateSweep', () => {
  it("labels a tiny rate 'too slow', a good one 'converged' (with the epoch) and a huge one 'diverged' (XOR, seed 1)", () => {
    const r = learningRateSweep({ model: xorNet(), X: XOR_X, y: XOR_Y, learningRates: [1e-4, 0.5, 1e4], epochs: 1000, batchSize: 4, target: 0.05 });
    expect(r.runs.map((run) => run.verdict)).toEqual(['too slow', 'converged', 'diverged']);
    expect(r.runs[1].convergedAt).toBeGreaterThan(1);
    expect(r.runs[1].history.loss[r.runs[1].convergedAt! - 1]).toBeLessThan(0.05);
    expect(r.runs[1].label).toBe(`η = 0.5: converged at epoch ${r.runs[1].convergedAt}`);
    expect(r.runs[0].label).toMatch(/^η = 0.0001: too slow \(loss .* after 1000 epochs\)$/);
    expect(r.toString().split('\n')).toHaveLength(4);
  });

  it('a run whose loss becomes ∞ stops at once, keeps its history and nothing throws (regression)', () => {
    const rng = seededRng(5);
    const X = Array.from({ length: 50 }, () => [rng.uniform(-3, 3), rng.uniform(-3, 3)]);
    const y = X.map(([a, b]) => 3 * a - 2 * b + 1);
    const model = new MLP({ inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1 }], seed: 2 });
    const r = learningRateSweep({ model, X, y, learningRates: [0.01, 5], epochs: 100, batchSize: 10 });
    const [good, huge] = r.runs;
    expect(good.verdict).toBe('converged');
    expect(huge.verdict).toBe('diverged');
    expect(huge.history.status).toBe('diverged');
    expect(huge.history.epochs).toBeLessThan(100);
    expect(huge.history.loss).toHaveLength(huge.history.epochs);
    expect(huge.label).toMatch(/^η = 5: diverged at epoch \d+/);
    expect(huge.model.getParameters().every((p) => p.every(Number.isFinite))).toBe(true);
    // default target: 0.1 × the loss of the untrained model
    expect(r.target).toBeCloseTo(0.1 * model.evaluate(X, y).loss, 12);
  });

  it('starts every rate from the same weights and leaves the given model untouched', () => {
    const model = xorNet();
    const before = model.getParameters().map((p) => Array.from(p));
    const firstLosses: number[] = [];
    learningRateSweep({
      model,
      X: XOR_X,
      y: XOR_Y,
      learningRates: [0.1, 1],
      epochs: 2,
      batchSize: 4,
      onEpoch: (rate, info) => {
        if (info.epoch === 1) firstLosses.push(info.loss);
      },
    });
    expect(firstLosses[0]).toBe(firstLosses[1]); // the loss of epoch 1 is measured before the first update
    expect(model.getParameters().map((p) => Array.from(p))).toEqual(before);
  });

  it('accepts a factory called with the seed', () => {
    const seeds: unknown[] = [];
    const r = learningRateSweep({
      model: (seed) => (seeds.push(seed), xorNet(seed)),
      X: XOR_X,
      y: XOR_Y,
      learningRates: [0.5, 0.5],
      epochs: 20,
      batchSize: 4,
      seed: 9,
      target: 0.01,
    });
    expect(seeds.every((s) => s === 9)).toBe(true);
    expect(r.runs[0].history.loss).toEqual(r.runs[1].history.loss);
  });

  it('refuses bad options with an OptionError', () => {
    const base = { model: xorNet(), X: XOR_X, y: XOR_Y, epochs: 5 };
    expect(() => learningRateSweep({ ...base, learningRates: [] })).toThrow(OptionError);
    expect(() => learningRateSweep({ ...base, learningRates: [0.1, -1] })).toThrow(/learningRates\[1\]: expected a finite number > 0, got -1/);
    expect(() => learningRateSweep({ ...base, learningRates: [0.1], epochs: 0 })).toThrow(/epochs: expected an integer ≥ 1/);
    expect(() => learningRateSweep({ ...base, model: 'mlp' as never, learningRates: [0.1] })).toThrow(/model: expected an MLP or a function/);
  });
});
