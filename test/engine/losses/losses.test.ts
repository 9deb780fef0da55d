import { losses, huber, getLoss, lossNames, Loss } from '../../../src/engine/losses';
import { Matrix } from '../../../src/engine/matrix';
import { OptionError, ShapeError } from '../../../src/engine/errors';
import { seededRng } from '../../../src/engine/rng';

/** dL/dŷ by centred differences, one prediction at a time: the oracle for every gradient. */
function numericalGrad(loss: Loss, yPred: Matrix, yTrue: Matrix, h = 1e-6): Float64Array {
  const g = new Float64Array(yPred.data.length);
  for (let k = 0; k < g.length; k++) {
    const p = yPred.clone();
    p.data[k] += h;
    const m = yPred.clone();
    m.data[k] -= h;
    g[k] = (loss.value(p, yTrue) - loss.value(m, yTrue)) / (2 * h);
  }
  return g;
}

/** Predictions and targets that suit `loss` (probabilities for the cross-entropies). */
function sample(name: string, seed: number): { yPred: Matrix; yTrue: Matrix } {
  const rng = seededRng(seed);
  const n = 5;
  const m = 3;
  if (name === 'crossEntropy') {
    const yPred = Matrix.fromFunction(n, m, () => rng.uniform(0.05, 1));
    for (let i = 0; i < n; i++) {
      const s = yPred.data[i * m] + yPred.data[i * m + 1] + yPred.data[i * m + 2];
      for (let j = 0; j < m; j++) yPred.data[i * m + j] /= s;
    }
    const yTrue = Matrix.fromFunction(n, m, (i, j) => (j === i % m ? 1 : 0));
    return { yPred, yTrue };
  }
  if (name === 'binaryCrossEntropy') {
    return { yPred: Matrix.fromFunction(n, m, () => rng.uniform(0.05, 0.95)), yTrue: Matrix.fromFunction(n, m, () => rng.integer(0, 2)) };
  }
  return { yPred: Matrix.fromFunction(n, m, () => rng.uniform(-3, 3)), yTrue: Matrix.fromFunction(n, m, () => rng.uniform(-3, 3)) };
}

const all: Loss[] = [...Object.values(losses), huber(0.5), huber(2.5)];

describe('losses', () => {
  it('are the five of the course', () => {
    expect(Object.keys(losses).sort()).toEqual([...lossNames].sort());
  });

  it.each(all.map((l) => [`${l.name}${l.params ? JSON.stringify(l.params) : ''}`, l] as const))('%s: grad matches centred differences', (_, loss) => {
    for (const seed of [1, 2, 3]) {
      const { yPred, yTrue } = sample(loss.name, seed);
      const g = loss.grad(yPred, yTrue);
      const num = numericalGrad(loss, yPred, yTrue);
      g.data.forEach((x, k) => expect(x).toBeCloseTo(num[k], 7));
    }
  });

  it.each(all.map((l) => [l.name, l] as const))('%s: the array fast path agrees with value and grad', (_, loss) => {
    const { yPred, yTrue } = sample(loss.name, 7);
    const len = yPred.data.length;
    expect(loss.valueArray!(yPred.data, yTrue.data, len, yPred.rows)).toBeCloseTo(loss.value(yPred, yTrue), 14);
    const out = new Float64Array(len);
    loss.gradArray!(yPred.data, yTrue.data, out, len, yPred.rows);
    expect(Array.from(out)).toEqual(Array.from(loss.grad(yPred, yTrue).data));
  });

  it('mse, mae and huber give the textbook values', () => {
    const p = Matrix.column([1, 2, 5]);
    const t = Matrix.column([1, 0, 1]);
    expect(losses.mse.value(p, t)).toBeCloseTo((0 + 4 + 16) / 3, 14);
    expect(losses.mae.value(p, t)).toBeCloseTo((0 + 2 + 4) / 3, 14);
    // δ = 1: |r| = 0 → 0, 2 → 1·(2 − ½) = 1.5, 4 → 3.5
    expect(losses.huber.value(p, t)).toBeCloseTo((0 + 1.5 + 3.5) / 3, 14);
    // δ = 3: 2 is inside (½·4 = 2), 4 is outside (3·(4 − 1.5) = 7.5)
    expect(huber(3).value(p, t)).toBeCloseTo((0 + 2 + 7.5) / 3, 14);
  });

  it('huber is quadratic near 0 and linear beyond δ', () => {
    const h = huber(1);
    const t = Matrix.column([0]);
    expect(h.value(Matrix.column([0.5]), t)).toBeCloseTo(0.125, 14);
    expect(h.grad(Matrix.column([10]), t).data[0]).toBe(1);
    expect(h.grad(Matrix.column([-10]), t).data[0]).toBe(-1);
  });

  it('cross-entropy is −log of the probability of the true class, averaged over samples', () => {
    const p = Matrix.fromRows([
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
    ]);
    const y = Matrix.fromRows([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(losses.crossEntropy.value(p, y)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.8)) / 2, 14);
  });

  it('binary cross-entropy stays finite when a prediction is exactly 0 or 1', () => {
    const v = losses.binaryCrossEntropy.value(Matrix.column([0, 1]), Matrix.column([1, 0]));
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(20);
    const g = losses.binaryCrossEntropy.grad(Matrix.column([0, 1]), Matrix.column([1, 0]));
    expect(g.data.every(Number.isFinite)).toBe(true);
  });

  it('refuses predictions and targets of different shapes with a ShapeError naming both', () => {
    expect(() => losses.mse.value(new Matrix(3, 1), new Matrix(2, 1))).toThrow(ShapeError);
    expect(() => losses.mse.grad(new Matrix(3, 1), new Matrix(3, 2))).toThrow(/yPred \[3×1\] and yTrue \[3×2\]/);
  });

  it('huber refuses δ ≤ 0', () => {
    expect(() => huber(0)).toThrow(OptionError);
    expect(() => huber(-1)).toThrow(/expected a finite number > 0, got -1/);
  });
});

describe('getLoss', () => {
  it('finds every built-in loss and rebuilds huber with its δ', () => {
    for (const name of lossNames) expect(getLoss(name).name).toBe(name);
    expect(getLoss('huber', { delta: 2 }).params).toEqual({ delta: 2 });
  });

  it.each([['mean_squared_error'], [3], [null]])('rejects %p with an OptionError listing the names', (bad) => {
    expect(() => getLoss(bad)).toThrow(OptionError);
    expect(() => getLoss(bad)).toThrow(/expected one of 'mse', 'mae', 'huber', 'binaryCrossEntropy', 'crossEntropy'/);
  });
});

describe('getLoss params', () => {
  it('are checked: an unknown name, a bad δ, δ for another loss', () => {
    expect(getLoss('huber', { delta: 2 }).params).toEqual({ delta: 2 });
    expect(() => getLoss('huber', { delt: 2 })).toThrow(/did you mean 'delta'/);
    expect(() => getLoss('huber', { delta: '2' as unknown as number })).toThrow(OptionError);
    expect(() => getLoss('mse', { delta: 2 })).toThrow(/getLoss: params.delta: expected only with 'huber', got it with 'mse'/);
  });
});
