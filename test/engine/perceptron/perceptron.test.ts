import fc from 'fast-check';
import {
  Perceptron, PerceptronResult, perceptronUpdate, truthTable, featureMap, loadIris,
  InputError, ShapeError, OptionError, StateError,
} from '../../../src';

const gate = (g: 'and' | 'or' | 'nand' | 'nor' | 'xor') => truthTable(g);

describe('Perceptron learns the linearly separable gates', () => {
  it.each(['and', 'or', 'nand', 'nor'] as const)('learns %s: converges, ends with an error-free epoch and predicts the table', (g) => {
    const { X, y } = gate(g);
    const p = new Perceptron<number[]>();
    const r = p.fit(X, y);
    expect(r.converged).toBe(true);
    expect(r.errors[r.errors.length - 1]).toBe(0);
    expect(r.errors.slice(0, -1).every((e) => e > 0)).toBe(true);
    expect(r.epochs).toBe(r.errors.length);
    expect(r.message).toBe(`converged after ${r.epochs} epochs`);
    expect(p.predict(X)).toEqual(y);
    expect(p.score(X, y)).toBe(1);
  });

  it('learns AND from zero weights with η = 1 in the course order: the known weights w = [2, 1], b = −3 after 6 epochs', () => {
    // Worked by hand with the rule w ← w + η (y − ŷ) x, samples in the order 00, 01, 10, 11.
    const p = new Perceptron<number[]>();
    const r = p.fit(gate('and').X, gate('and').y);
    expect(r.errors).toEqual([2, 3, 3, 2, 1, 0]);
    expect(r.weights).toEqual([[2], [1]]);
    expect(r.bias).toEqual([-3]);
    expect(String(p)).toBe('Perceptron step(x·[2, 1] − 3)');
  });
});

describe('Perceptron on XOR', () => {
  it('reports XOR as not linearly separable within the epoch budget, and stops there', () => {
    const { X, y } = gate('xor');
    const r = new Perceptron({ maxEpochs: 100 }).fit(X, y);
    expect(r.converged).toBe(false);
    expect(r.epochs).toBe(100);
    expect(r.errors).toHaveLength(100);
    expect(r.errors.every((e) => e > 0)).toBe(true);
    expect(r.message).toBe('not linearly separable within 100 epochs');
    expect(r.toString()).toContain('not linearly separable within 100 epochs');
  });

  it('names the budget it was given', () => {
    expect(new Perceptron({ maxEpochs: 7 }).fit(gate('xor').X, gate('xor').y).message).toBe('not linearly separable within 7 epochs');
  });

  it('solves XOR with the extra feature x1·x2 (the hybrid approach)', () => {
    const { X, y } = gate('xor');
    const Xf = featureMap(X, ['x1', 'x2', 'x1*x2']);
    const p = new Perceptron<number[]>();
    const r = p.fit(Xf, y);
    expect(r.converged).toBe(true);
    expect(p.predict(Xf)).toEqual([0, 1, 1, 0]);
  });
});

describe('Perceptron on iris (Géron, chapter 10)', () => {
  it('separates setosa from the rest on petal length and width', () => {
    const iris = loadIris();
    const X = iris.X.map((r) => [r[2], r[3]]);
    const y = iris.y.map((c) => (c === 0 ? 1 : 0));
    const p = new Perceptron<number[]>();
    const r = p.fit(X, y);
    expect(r.converged).toBe(true);
    expect(p.score(X, y)).toBe(1);
    // A short petal is a setosa, a long one is not.
    expect(p.predict([[2, 0.5], [5, 1.5]])).toEqual([1, 0]);
  });
});

describe('Perceptron with several outputs', () => {
  it('trains one TLU per output: learning [AND, OR] together gives the same weights as learning each alone', () => {
    const { X } = gate('and');
    const Y = X.map((_, i) => [gate('and').y[i], gate('or').y[i]]);
    const both = new Perceptron<number[][]>();
    const r = both.fit(X, Y);
    expect(r.converged).toBe(true);
    expect(both.predict(X)).toEqual(Y);
    const and = new Perceptron().fit(X, gate('and').y);
    const or = new Perceptron().fit(X, gate('or').y);
    expect(r.weights).toEqual([[and.weights[0][0], or.weights[0][0]], [and.weights[1][0], or.weights[1][0]]]);
    expect(r.bias).toEqual([and.bias[0], or.bias[0]]);
    expect(r.epochs).toBe(Math.max(and.epochs, or.epochs));
  });

  it('counts a sample once when several of its outputs are wrong', () => {
    // With zero weights ŷ = step(0) = [1, 1, 1]: all three outputs of the one sample are wrong.
    const r = new Perceptron({ maxEpochs: 1 }).fit([[1, 2]], [[0, 0, 0]]);
    expect(r.errors).toEqual([1]);
    expect(r.trace[0].deltaB).toEqual([-1, -1, -1]);
  });
});

/** Replays a trace with the pure rule, starting from the given weights. */
function replayWithRule(r: PerceptronResult, w0: number[][], b0: number[], eta: number) {
  let w = w0;
  let b = b0;
  for (const step of r.trace) {
    const u = perceptronUpdate(w, b, step.x, step.y, eta);
    expect(u.yHat).toEqual(step.yHat);
    expect(u.deltaW).toEqual(step.deltaW);
    expect(u.w).toEqual(step.weights);
    w = u.w;
    b = u.b;
  }
  return { w, b };
}

describe('the trace of Perceptron.fit', () => {
  it('records every presentation of every sample: epoch, index, x, y, ŷ, Δw, Δb, weights after', () => {
    const { X, y } = gate('and');
    const r = new Perceptron().fit(X, y);
    expect(r.trace).toHaveLength(4 * r.epochs);
    expect(r.traceTruncated).toBe(false);
    expect(r.trace[0]).toEqual({
      epoch: 1, index: 0, x: [0, 0], y: [0], yHat: [1], z: [0],
      deltaW: [[-0], [-0]], deltaB: [-1], weights: [[0], [0]], bias: [-1],
    });
    expect(r.trace.map((s) => s.epoch)).toEqual(Array.from({ length: 4 * r.epochs }, (_, k) => Math.floor(k / 4) + 1));
    expect(r.trace.map((s) => s.index)).toEqual(Array.from({ length: 4 * r.epochs }, (_, k) => k % 4));
  });

  it('replays: adding the Δw and Δb of every step in order gives the final weights', () => {
    const iris = loadIris();
    const X = iris.X.map((r) => [r[2], r[3]]);
    const y = iris.y.map((c) => (c === 0 ? 1 : 0));
    const p = new Perceptron({ learningRate: 0.1, init: 'uniform', seed: 3, shuffle: true });
    const r = p.fit(X, y);
    expect(r.converged).toBe(true);
    // The weights before the first step, recovered from the first step.
    let w = r.trace[0].weights.map((row, i) => row.map((v, j) => v - r.trace[0].deltaW[i][j]));
    let b = r.trace[0].bias.map((v, j) => v - r.trace[0].deltaB[j]);
    for (const s of r.trace) {
      w = w.map((row, i) => row.map((v, j) => v + s.deltaW[i][j]));
      b = b.map((v, j) => v + s.deltaB[j]);
      for (let i = 0; i < w.length; i++) expect(w[i][0]).toBeCloseTo(s.weights[i][0], 12);
    }
    w.forEach((row, i) => expect(row[0]).toBeCloseTo(p.weights.get(i, 0), 12));
    expect(b[0]).toBeCloseTo(p.bias[0], 12);
  });

  it('agrees step by step with the pure perceptronUpdate (fast-check over random separable data)', () => {
    // Random points labelled by a random line: linearly separable by construction.
    const arb = fc.record({
      a: fc.double({ min: -2, max: 2, noNaN: true }),
      c: fc.double({ min: -1, max: 1, noNaN: true }),
      pts: fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { minLength: 2, maxLength: 12 }),
    });
    fc.assert(fc.property(arb, ({ a, c, pts }) => {
      const X = pts.map(([u, v]) => [u, v]);
      const y = X.map(([u, v]) => (v > a * u + c ? 1 : 0));
      const r = new Perceptron({ maxEpochs: 20 }).fit(X, y);
      const { w } = replayWithRule(r, [[0], [0]], [0], 1);
      expect(w).toEqual(r.weights);
    }), { seed: 99, numRuns: 50 });
  });

  it('keeps at most traceLimit steps and says when it cut the trace', () => {
    const { X, y } = gate('xor');
    const r = new Perceptron({ traceLimit: 10 }).fit(X, y);
    expect(r.trace).toHaveLength(10);
    expect(r.traceTruncated).toBe(true);
    const none = new Perceptron({ traceLimit: 0 }).fit(X, y);
    expect(none.trace).toHaveLength(0);
    expect(none.traceTruncated).toBe(true);
    expect(none.errors).toEqual(r.errors);
  });
});

describe('Perceptron options', () => {
  it('shuffles the order of the samples every epoch when asked, reproducibly with a seed', () => {
    const { X, y } = gate('xor');
    const order = (seed: number) => new Perceptron({ shuffle: true, seed, maxEpochs: 5 }).fit(X, y).trace.map((s) => s.index);
    const o1 = order(1);
    expect(order(1)).toEqual(o1);
    expect(order(2)).not.toEqual(o1);
    for (let e = 0; e < 5; e++) expect(o1.slice(4 * e, 4 * e + 4).sort()).toEqual([0, 1, 2, 3]);
    expect(o1).not.toEqual(Array.from({ length: 20 }, (_, k) => k % 4));
  });

  it("starts from uniform random weights in [−0.5, 0.5) with init 'uniform', the same for the same seed", () => {
    const { X, y } = gate('and');
    const first = (seed: number) => {
      const s = new Perceptron({ init: 'uniform', seed, maxEpochs: 1 }).fit(X, y).trace[0];
      return s.weights.map((r, i) => r[0] - s.deltaW[i][0]);
    };
    expect(first(5)).toEqual(first(5));
    expect(first(5)).not.toEqual(first(6));
    expect(first(5).every((v) => v >= -0.5 && v < 0.5 && v !== 0)).toBe(true);
  });

  it('starts from given weights and bias (here the hand-set AND, which needs no update)', () => {
    const p = new Perceptron<number[]>({ weights: [1, 1], bias: -1.5 });
    expect(p.predict([[1, 1], [0, 1]])).toEqual([1, 0]);
    const r = p.fit(gate('and').X, gate('and').y);
    expect(r.message).toBe('converged after 1 epoch');
    expect(r.weights).toEqual([[1], [1]]);
  });

  it('uses the learning rate η in every step', () => {
    const r = new Perceptron({ learningRate: 0.25 }).fit(gate('and').X, gate('and').y);
    const sizes = new Set(r.trace.map((s) => Math.abs(s.deltaB[0])));
    expect([...sizes].sort()).toEqual([0, 0.25]);
  });

  it("learns with the sign threshold and labels −1/+1", () => {
    const { X, y } = gate('or');
    const p = new Perceptron<number[]>({ activation: 'sign' });
    const r = p.fit(X, y.map((v) => 2 * v - 1));
    expect(r.converged).toBe(true);
    expect(p.predict(X)).toEqual([-1, 1, 1, 1]);
  });

  it('starts again from the starting weights on every fit', () => {
    const { X, y } = gate('and');
    const p = new Perceptron();
    const a = p.fit(X, y);
    const b = p.fit(X, y);
    expect(b.errors).toEqual(a.errors);
    expect(b.weights).toEqual(a.weights);
  });
});

describe('Perceptron refuses bad input with named errors', () => {
  const { X, y } = gate('and');

  it('refuses ragged rows, empty data and NaN in X', () => {
    expect(() => new Perceptron().fit([[0, 0], [1]], [0, 1])).toThrow(InputError);
    expect(() => new Perceptron().fit([[0, 0], [1]], [0, 1])).toThrow('Perceptron.fit: X: ragged rows: expected every row to have 2 values (as row 0 has), but row 1 has 1');
    expect(() => new Perceptron().fit([], [])).toThrow('Perceptron.fit: X: expected at least one row and one column');
    expect(() => new Perceptron().fit([[0, NaN]], [1])).toThrow('Perceptron.fit: X: expected finite numbers, but row 0, column 1 is NaN');
  });

  it('refuses labels other than 0 and 1 (or −1 and +1 with sign), naming the sample', () => {
    expect(() => new Perceptron().fit(X, [0, 0, 2, 1])).toThrow(InputError);
    expect(() => new Perceptron().fit(X, [0, 0, 2, 1])).toThrow('Perceptron: y: expected labels 0 or 1 (the outputs of the step function), but the label of sample 2 is 2');
    expect(() => new Perceptron().fit(X, [0, -1, 0, 1])).toThrow('sample 1 is -1');
    expect(() => new Perceptron({ activation: 'sign' }).fit(X, y)).toThrow('expected labels -1 or 1');
    expect(() => new Perceptron().fit(X, [0, 0, NaN, 1])).toThrow(InputError);
    expect(() => new Perceptron().fit(X, [])).toThrow(InputError);
  });

  it('refuses a y whose length is not the number of rows of X', () => {
    expect(() => new Perceptron().fit(X, [0, 1, 1])).toThrow(ShapeError);
    expect(() => new Perceptron().fit(X, [0, 1, 1])).toThrow('Perceptron.fit: X has 4 rows (samples) but y has 3 labels: expected one label per sample');
  });

  it('refuses η ≤ 0, maxEpochs that is not a positive integer, unknown init, negative traceLimit', () => {
    expect(() => new Perceptron({ learningRate: 0 })).toThrow(OptionError);
    expect(() => new Perceptron({ learningRate: -0.1 })).toThrow('Perceptron: learningRate: expected a finite number > 0, got -0.1');
    expect(() => new Perceptron({ learningRate: NaN })).toThrow(OptionError);
    expect(() => new Perceptron({ maxEpochs: 0 })).toThrow('Perceptron: maxEpochs: expected an integer ≥ 1, got 0');
    expect(() => new Perceptron({ maxEpochs: 2.5 })).toThrow(OptionError);
    expect(() => new Perceptron({ maxEpochs: '10' as unknown as number })).toThrow("got '10' (a string)");
    expect(() => new Perceptron({ init: 'glorot' as 'zeros' })).toThrow("Perceptron: init: expected one of 'zeros', 'uniform', got 'glorot' (a string)");
    expect(() => new Perceptron({ traceLimit: -1 })).toThrow(OptionError);
  });

  it('refuses starting weights that do not fit the data', () => {
    expect(() => new Perceptron({ weights: [1, 1, 1] }).fit(X, y)).toThrow('the starting weights are [3×1] but X has 2 columns and y 1 outputs: expected [2×1]');
    expect(() => new Perceptron({ weights: [1, 1], bias: [1, 2] })).toThrow(ShapeError);
    expect(() => new Perceptron({ bias: 1 })).toThrow(InputError);
  });

  it('refuses to predict before training, and X with the wrong number of columns', () => {
    expect(() => new Perceptron().predict(X)).toThrow(StateError);
    expect(() => new Perceptron().predict(X)).toThrow('call fit(X, y) first');
    const p = new Perceptron();
    p.fit(X, y);
    expect(() => p.predict([[1, 2, 3]])).toThrow('Perceptron.predict: X is [1×3] but the perceptron has 2 inputs');
  });
});

describe('Perceptron types', () => {
  it('types predict by the type argument: number[] for one output, number[][] for several', () => {
    const { X, y } = gate('and');
    const one = new Perceptron<number[]>();
    one.fit(X, y);
    const labels: number[] = one.predict(X);
    // @ts-expect-error a single-output perceptron takes one label per sample, not rows
    expect(() => one.fit(X, [[0], [0], [0], [1]] as unknown as number[][])).not.toThrow();
    const many = new Perceptron<number[][]>();
    many.fit(X, y.map((v) => [v, 1 - v]));
    const rows: number[][] = many.predict(X);
    // Untyped, predict returns either.
    const either: number[] | number[][] = new Perceptron({ weights: [1, 1], bias: -1.5 }).predict(X);
    expect([labels, rows, either].map((a) => a.length)).toEqual([4, 4, 4]);
  });

  it('prints a multi-output perceptron with its shapes', () => {
    const p = new Perceptron<number[][]>();
    p.fit([[0, 0], [1, 1]], [[0, 1], [1, 0]]);
    expect(String(p)).toMatch(/^Perceptron 2 inputs → 2 outputs\nW = Matrix \[2×2\]/);
    expect(String(new Perceptron())).toBe('Perceptron (untrained, η = 1)');
  });
});
