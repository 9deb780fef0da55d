/**
 * The training loop's fast paths give the results of the plain ones: plain SGD done inside the
 * backward pass, batches read as views of the data when not shuffling, the cross-entropy loss
 * taken from the softmax output, and float32 kernels never touching the float64 weights.
 */
import { MLP } from '../../../src/engine/mlp';
import { Matrix, getKernels, setKernels } from '../../../src/engine/matrix';
import { seededRng, Rng } from '../../../src/engine/rng';

function blobs(n: number, seed: number) {
  const rng = seededRng(seed);
  const X = Array.from({ length: n }, (_, i) => [rng.uniform(-1, 1) + (i % 3), rng.uniform(-1, 1) - (i % 3), rng.uniform(-1, 1)]);
  return { X, labels: X.map((_, i) => i % 3), yReg: X.map(([a, b, c]) => a - 2 * b + c) };
}
const data = blobs(50, 7);
const classifier = () => new MLP({ inputs: 3, layers: [{ units: 8, activation: 'relu' }, { units: 3, activation: 'softmax' }], seed: 3 });
const regressor = () => new MLP({ inputs: 3, layers: [{ units: 6, activation: 'tanh' }, { units: 1, activation: 'identity' }], loss: 'mse', seed: 4 });

function expectParamsClose(a: Float64Array[], b: Float64Array[], tol: number) {
  expect(a.length).toBe(b.length);
  for (let p = 0; p < a.length; p++) {
    for (let k = 0; k < a[p].length; k++) expect(Math.abs(a[p][k] - b[p][k])).toBeLessThanOrEqual(tol * (1 + Math.abs(b[p][k])));
  }
}

/** An Rng whose shuffle keeps the order: batches are copied (shuffle on) but come in data order. */
const keepOrder: Rng = { ...seededRng(1), shuffle: (items) => items };

describe('fast paths of fit', () => {
  it.each([
    ['softmax classifier', classifier, data.labels],
    ['MSE regressor', regressor, data.yReg],
  ] as const)('plain SGD inside the backward pass gives the weights of θ ← θ − ηg as a separate step (%s)', (_, make, y) => {
    const a = make();
    const b = make();
    const ha = a.fit(data.X, y as number[], { epochs: 15, batchSize: 8, learningRate: 0.1, optimizer: 'sgd', seed: 5 });
    // momentum with μ = 0 is v = −ηg, θ ← θ + v: the same update, done by the optimiser after the pass
    const hb = b.fit(data.X, y as number[], { epochs: 15, batchSize: 8, learningRate: 0.1, optimizer: 'momentum', momentum: 0, seed: 5 });
    expectParamsClose(a.getParameters(), b.getParameters(), 1e-10);
    ha.loss.forEach((l, i) => expect(l).toBeCloseTo(hb.loss[i], 10));
  });

  it('without shuffling, batches read straight from the data train exactly like copied batches, and X is left untouched', () => {
    const X = new Matrix(data.X.length, 3, Float64Array.from(data.X.flat()));
    const before = X.data.slice();
    const a = classifier();
    const b = classifier();
    const ha = a.fit(X, data.labels, { epochs: 10, batchSize: 16, learningRate: 0.2, shuffle: false, validationData: { X, y: data.labels } });
    const hb = b.fit(X, data.labels, { epochs: 10, batchSize: 16, learningRate: 0.2, seed: keepOrder, validationData: { X, y: data.labels } });
    expect(a.getParameters()).toEqual(b.getParameters());
    expect(ha.loss).toEqual(hb.loss);
    expect(ha.valLoss).toEqual(hb.valLoss);
    expect(X.data).toEqual(before);
  });

  it('the cross-entropy loss of a batch equals −mean log softmax(z) of the true class, computed by log-sum-exp', () => {
    const m = classifier();
    const [W0, b0, W1, b1] = m.getParameters();
    let oracle = 0;
    data.X.forEach((x, i) => {
      const h = Array.from({ length: 8 }, (_, j) => Math.max(0, b0[j] + x.reduce((s, v, k) => s + v * W0[k * 8 + j], 0)));
      const z = Array.from({ length: 3 }, (_, j) => b1[j] + h.reduce((s, v, k) => s + v * W1[k * 3 + j], 0));
      const mx = Math.max(...z);
      const lse = mx + Math.log(z.reduce((s, v) => s + Math.exp(v - mx), 0));
      oracle += lse - z[data.labels[i]];
    });
    oracle /= data.X.length;
    // one full batch: the recorded loss is measured before the update
    const h = m.fit(data.X, data.labels, { epochs: 1, batchSize: data.X.length, learningRate: 0.1 });
    expect(h.loss[0]).toBeCloseTo(oracle, 12);
  });

  it('float32 kernels (named …f32) never accumulate into the float64 weights; float64 kernels may', () => {
    const base = getKernels();
    const run = (name: string) => {
      const accumulated = new Set<Float64Array>();
      const prev = setKernels({
        name,
        gemm: (...a) => base.gemm(...a),
        gemmTN: (m, n, k, a, b, c, acc) => (acc && accumulated.add(c), base.gemmTN(m, n, k, a, b, c, acc)),
        gemmNT: (...a) => base.gemmNT(...a),
      });
      const model = classifier();
      try {
        model.fit(data.X, data.labels, { epochs: 3, batchSize: 10, learningRate: 0.1, seed: 2 });
      } finally {
        setKernels(prev);
      }
      return { accumulated, model };
    };
    const f32 = run('test-f32');
    expect(f32.accumulated.size).toBe(0);
    const f64 = run('test-f64');
    expect(f64.accumulated.size).toBe(2); // W of both layers, updated in place
    expectParamsClose(f32.model.getParameters(), f64.model.getParameters(), 1e-10);
  });
});
