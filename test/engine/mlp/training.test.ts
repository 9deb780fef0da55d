import { MLP, History, EpochInfo } from '../../../src/engine/mlp';
import { seededRng } from '../../../src/engine/rng';

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [0, 1, 1, 0];
const xorNet = (init: 'glorot' | 'zeros' | 'uniform' | 'he' = 'glorot', seed = 1) =>
  new MLP({ inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], init, seed });

/** A small regression problem: y = 2x1 − x2 + 0.5. */
function plane(n: number, seed: number) {
  const rng = seededRng(seed);
  const X = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  return { X, y: X.map(([a, b]) => 2 * a - b + 0.5) };
}

describe('MLP.fit', () => {
  it('a 2-4-1 MLP learns XOR to loss < 0.01 (seed 1, tanh hidden, sigmoid + BCE, η = 0.5, full batch)', () => {
    const m = xorNet();
    const h = m.fit(XOR_X, XOR_Y, { epochs: 3000, batchSize: 4, learningRate: 0.5 });
    expect(h.status).toBe('completed');
    expect(h.finalLoss).toBeLessThan(0.01);
    expect(m.predict(XOR_X)).toEqual(XOR_Y);
    expect(m.score(XOR_X, XOR_Y)).toBe(1);
  });

  it('a 2-2-1 MLP learns XOR too (seed 1, adam; some seeds end in a local minimum)', () => {
    const m = new MLP({ inputs: 2, layers: [{ units: 2, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
    const h = m.fit(XOR_X, XOR_Y, { epochs: 2000, batchSize: 4, learningRate: 0.05, optimizer: 'adam' });
    expect(h.finalLoss).toBeLessThan(0.01);
  });

  it('with zeros init the hidden units stay identical: symmetry is never broken', () => {
    const m = xorNet('zeros');
    m.fit(XOR_X, XOR_Y, { epochs: 200, batchSize: 4, learningRate: 0.5 });
    const W = m.layers[0].W;
    for (let i = 0; i < W.rows; i++) for (let j = 1; j < W.cols; j++) expect(W.get(i, j)).toBe(W.get(i, 0));
    const W2 = m.layers[1].W;
    for (let j = 1; j < W2.rows; j++) expect(W2.get(j, 0)).toBe(W2.get(0, 0));
    expect(m.score(XOR_X, XOR_Y)).toBeLessThan(1);
  });

  it.each(['sgd', 'momentum', 'adam'] as const)('%s lowers the loss of a regression', (optimizer) => {
    const { X, y } = plane(64, 1);
    const m = new MLP({ inputs: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 1 }], seed: 2 });
    const h = m.fit(X, y, { epochs: 50, batchSize: 16, learningRate: optimizer === 'adam' ? 0.01 : 0.05, optimizer });
    expect(h.loss[h.loss.length - 1]).toBeLessThan(0.1 * h.loss[0]);
    expect(m.score(X, y)).toBeGreaterThan(0.95);
  });

  it('is reproducible: the same seeds give the same weights, another shuffle seed gives others', () => {
    const { X, y } = plane(50, 2);
    const run = (seed: number) => {
      const m = new MLP({ inputs: 2, layers: [{ units: 5 }, { units: 1 }], seed: 7 });
      m.fit(X, y, { epochs: 5, batchSize: 8, learningRate: 0.05, seed });
      return Array.from(m.layers[0].W.data);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('returns a History with loss, accuracy, validation curves and time', () => {
    const m = xorNet();
    const h = m.fit(XOR_X, XOR_Y, { epochs: 10, batchSize: 2, learningRate: 0.1, validationData: { X: XOR_X, y: XOR_Y } });
    expect(h).toBeInstanceOf(History);
    expect(h.loss).toHaveLength(10);
    expect(h.valLoss).toHaveLength(10);
    expect(h.accuracy).toHaveLength(10);
    expect(h.valAccuracy).toHaveLength(10);
    expect(h.epochs).toBe(10);
    expect(h.learningRate).toBe(0.1);
    expect(h.seconds).toBeGreaterThanOrEqual(0);
    expect(h.message).toMatch(/completed 10 epochs/);
    // the validation loss after the last epoch is the loss of the final weights
    expect(h.valLoss![9]).toBeCloseTo(m.evaluate(XOR_X, XOR_Y).loss, 12);
    expect(h.toString()).toMatch(/^History: 10 epochs in .* s, η = 0.1, loss .* → .* \(completed\)/);
  });

  it('a regressor has no accuracy curve', () => {
    const { X, y } = plane(20, 3);
    const h = new MLP({ inputs: 2, layers: [{ units: 3 }, { units: 1 }] }).fit(X, y, { epochs: 3 });
    expect(h.accuracy).toBeUndefined();
  });

  it('calls onEpoch after every epoch, and stops when it returns false', () => {
    const seen: EpochInfo[] = [];
    const m = xorNet();
    const h = m.fit(XOR_X, XOR_Y, {
      epochs: 100,
      learningRate: 0.1,
      onEpoch: (info) => {
        seen.push(info);
        return info.epoch < 5;
      },
    });
    expect(seen.map((i) => i.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[0].epochs).toBe(100);
    expect(seen[0].model).toBe(m);
    expect(seen[4].loss).toBe(h.loss[4]);
    expect(seen[0].accuracy).toBeDefined();
    expect(h.status).toBe('stopped');
    expect(h.epochs).toBe(5);
    expect(h.message).toMatch(/stopped by onEpoch after epoch 5 of 100/);
  });

  it('a diverging fit stops at once, restores the last finite weights, does not throw and prints nothing', () => {
    const { X, y } = plane(40, 4);
    const big = X.map(([a, b]) => [100 * a, 100 * b]);
    const m = new MLP({ inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1 }], seed: 1 });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const weightsAfter: number[][] = [];
    const h = m.fit(big, y, {
      epochs: 100,
      batchSize: 40,
      learningRate: 10,
      onEpoch: () => {
        weightsAfter.push(Array.from(m.layers[0].W.data));
      },
    });
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    log.mockRestore();
    warn.mockRestore();
    expect(h.status).toBe('diverged');
    expect(h.epochs).toBeLessThan(100);
    expect(h.loss).toHaveLength(h.epochs);
    expect(h.message).toMatch(new RegExp(`^diverged at epoch ${h.epochs}: .*learning rate 10 is too large.*weights restored to (epoch ${h.epochs - 1}|their initial values)`));
    for (const p of m.getParameters()) expect(p.every(Number.isFinite)).toBe(true);
    if (h.epochs > 1) expect(Array.from(m.layers[0].W.data)).toEqual(weightsAfter[h.epochs - 2]);
    expect((m.predict(big) as number[]).every((v) => Number.isFinite(v))).toBe(true);
  });

  it('a diverging run in the first epoch gets its initial weights back', () => {
    const m = new MLP({ inputs: 1, layers: [{ units: 1 }], seed: 1 });
    const start = Array.from(m.layers[0].W.data);
    const h = m.fit([[1e150], [-1e150]], [1, -1], { epochs: 5, learningRate: 1e10, batchSize: 1 });
    expect(h.status).toBe('diverged');
    expect(h.epochs).toBe(1);
    expect(h.message).toMatch(/weights restored to their initial values/);
    expect(Array.from(m.layers[0].W.data)).toEqual(start);
  });

  it('a loss that explodes but stays finite stops the run in the batch where it passes 10⁶× the initial loss', () => {
    const rng = seededRng(1);
    const X = Array.from({ length: 200 }, () => [rng.uniform(-6, 6), rng.uniform(-6, 6)]);
    const y = X.map(([a, b]) => (a * b > 0 ? 1 : 0));
    const m = new MLP({ inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
    const start = m.getParameters().map((p) => Array.from(p));
    const h = m.fit(X, y, { epochs: 100, batchSize: 10, learningRate: 10, seed: 1 });
    expect(h.status).toBe('diverged');
    expect(h.epochs).toBe(1);
    expect(Number.isFinite(h.loss[0])).toBe(true);
    expect(h.loss[0]).toBeGreaterThan(1e6);
    expect(h.message).toMatch(/^diverged at epoch 1: loss reached .*, over 1e\+6× the initial .* weights restored to their initial values$/);
    expect(m.getParameters().map((p) => Array.from(p))).toEqual(start);
  });

  it('trains a maxout network', () => {
    const m = new MLP({ inputs: 2, layers: [{ type: 'maxout', units: 4, pieces: 3 }, { units: 1, activation: 'sigmoid' }], seed: 2 });
    const h = m.fit(XOR_X, XOR_Y, { epochs: 1500, batchSize: 4, learningRate: 0.05, optimizer: 'adam' });
    expect(h.finalLoss).toBeLessThan(0.05);
    expect(m.predict(XOR_X)).toEqual(XOR_Y);
  });

  it('continues from the current weights when fit is called again', () => {
    const m = xorNet();
    const h1 = m.fit(XOR_X, XOR_Y, { epochs: 300, batchSize: 4, learningRate: 0.5 });
    const h2 = m.fit(XOR_X, XOR_Y, { epochs: 1, batchSize: 4, learningRate: 0.5 });
    expect(h2.loss[0]).toBeLessThan(h1.loss[0]);
  });

  it('is fast: a 64-64-10 relu/softmax net, 1797×64 data, batch 32, 20 epochs runs in well under 1.5 s', () => {
    const rng = seededRng(1);
    const X = Array.from({ length: 1797 }, () => Array.from({ length: 64 }, () => rng.uniform(0, 16)));
    const y = Array.from({ length: 1797 }, () => rng.integer(0, 10));
    const m = new MLP({ inputs: 64, layers: [{ units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }], seed: 1 });
    const h = m.fit(X, y, { epochs: 20, batchSize: 32, learningRate: 0.01 });
    expect(h.epochs).toBe(20);
    // a loose bound (the machine is shared): the point is catching per-batch allocation or a lost kernel
    expect(h.seconds).toBeLessThan(4);
  });
});
