import { MLP, LayerSpec } from '../../../src/engine/mlp';
import { gradientCheck } from '../../../src/engine/diagnostics';
import { activations, leakyRelu, elu, ActivationName, Activation } from '../../../src/engine/activations';
import { LossName, huber } from '../../../src/engine/losses';
import { Matrix, matmul, add } from '../../../src/engine/matrix';
import { seededRng } from '../../../src/engine/rng';

const rng = seededRng('backprop');
const X = Array.from({ length: 6 }, () => Array.from({ length: 3 }, () => rng.uniform(-1, 1)));
const yReg = Array.from({ length: 6 }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
const yClass = [0, 1, 2, 1, 0, 2];
const yBin = [0, 1, 1, 0, 1, 0];

const hidden: (ActivationName | Activation)[] = [
  'identity',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'selu',
  'softplus',
  'step',
  'sign',
  'softmax',
  leakyRelu(0.3),
  elu(0.7),
];

describe('backpropagation agrees with gradientCheck (centred differences), relative error < 1e-6', () => {
  it.each(hidden.map((a) => [typeof a === 'string' ? a : `${a.name}${JSON.stringify(a.params)}`, a] as const))(
    'hidden activation %s (regression, mse)',
    (_, activation) => {
      const m = new MLP({ inputs: 3, layers: [{ units: 4, activation }, { units: 3, activation: 'tanh' }, { units: 2 }], loss: 'mse', init: 'uniform', seed: 3 });
      const r = gradientCheck(m, X, yReg);
      expect(r.maxRelativeError).toBeLessThan(1e-6);
      expect(r.passed).toBe(true);
    },
  );

  it.each([2, 3])('a maxout layer with %i pieces (gradient routed to the winning piece)', (pieces) => {
    const m = new MLP({ inputs: 3, layers: [{ type: 'maxout', units: 4, pieces }, { units: 2, activation: 'identity' }], loss: 'mse', init: 'glorot', seed: 5 });
    const r = gradientCheck(m, X, yReg);
    expect(r.maxRelativeError).toBeLessThan(1e-6);
  });

  const heads: [string, LayerSpec, LossName | ReturnType<typeof huber>, number[] | number[][]][] = [
    ['softmax + crossEntropy (fused)', { units: 3, activation: 'softmax' }, 'crossEntropy', yClass],
    ['sigmoid + binaryCrossEntropy (fused)', { units: 1, activation: 'sigmoid' }, 'binaryCrossEntropy', yBin],
    ['identity + mse', { units: 2, activation: 'identity' }, 'mse', yReg],
    ['identity + mae', { units: 2, activation: 'identity' }, 'mae', yReg],
    ['identity + huber(δ = 0.3)', { units: 2, activation: 'identity' }, huber(0.3), yReg],
    ['sigmoid + mse (not fused)', { units: 2, activation: 'sigmoid' }, 'mse', yReg.map((r) => r.map((v) => (v + 1) / 2))],
    ['softmax + mse (the softmax Jacobian)', { units: 3, activation: 'softmax' }, 'mse', yClass.map((c) => [0, 1, 2].map((j) => (j === c ? 1 : 0)))],
    ['softplus + huber', { units: 2, activation: 'softplus' }, 'huber', yReg],
    ['tanh + mae', { units: 2, activation: 'tanh' }, 'mae', yReg],
  ];
  it.each(heads)('output head %s', (_, out, loss, y) => {
    const m = new MLP({ inputs: 3, layers: [{ units: 5, activation: 'tanh' }, { type: 'maxout', units: 3 }, out], loss, seed: 11 });
    const r = gradientCheck(m, X, y);
    expect(r.maxRelativeError).toBeLessThan(1e-6);
  });

  it('on random small networks (several seeds, depths and widths)', () => {
    const names: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'elu', 'softplus', 'leakyRelu', 'selu'];
    for (let s = 0; s < 8; s++) {
      const r = seededRng(s);
      const depth = r.integer(1, 4);
      const layers: LayerSpec[] = Array.from({ length: depth }, () =>
        r.uniform() < 0.25 ? { type: 'maxout' as const, units: r.integer(1, 5), pieces: r.integer(2, 4) } : { units: r.integer(1, 6), activation: names[r.integer(0, names.length)] },
      );
      layers.push({ units: 3, activation: 'softmax' });
      const m = new MLP({ inputs: 3, layers, seed: s, init: 'he' });
      expect(gradientCheck(m, X, yClass).maxRelativeError).toBeLessThan(1e-6);
    }
  });
});

describe('forward and backward', () => {
  const m = new MLP({ inputs: 3, layers: [{ units: 4, activation: 'relu' }, { units: 2, activation: 'identity' }], seed: 2 });

  it('forward returns every layer\'s z = xW + b and a = φ(z)', () => {
    const f = m.forward(X);
    expect(f.layers).toHaveLength(2);
    const z1 = add(matmul(X, m.layers[0].W), m.layers[0].b);
    f.layers[0].z.data.forEach((v, k) => expect(v).toBeCloseTo(z1.data[k], 12));
    f.layers[0].a.data.forEach((v, k) => expect(v).toBe(Math.max(0, f.layers[0].z.data[k])));
    const z2 = add(matmul(f.layers[0].a, m.layers[1].W), m.layers[1].b);
    f.output.data.forEach((v, k) => expect(v).toBeCloseTo(z2.data[k], 12));
    expect(f.output).toBe(f.layers[1].a);
  });

  it('backward returns the gradients of every layer, shaped like W and b, and updates nothing', () => {
    const before = m.getParameters().map((p) => Array.from(p));
    const b = m.backward(X, yReg);
    expect(b.gradients.map((g) => [g.dW.shape, g.db.shape])).toEqual([
      [[3, 4], [1, 4]],
      [[4, 2], [1, 2]],
    ]);
    expect(b.loss).toBeCloseTo(m.evaluate(X, yReg).loss, 14);
    expect(m.getParameters().map((p) => Array.from(p))).toEqual(before);
  });

  it('maxout outputs max(w1ᵀx + b1, w2ᵀx + b2) for k = 2', () => {
    const mo = new MLP({ inputs: 3, layers: [{ type: 'maxout', units: 2, pieces: 2 }, { units: 1 }], seed: 4 });
    const layer = mo.layers[0];
    const f = mo.forward(X);
    const p0 = layer.type === 'maxout' ? layer.piece(0) : null;
    const p1 = layer.type === 'maxout' ? layer.piece(1) : null;
    const z0 = add(matmul(X, p0!.W), p0!.b);
    const z1 = add(matmul(X, p1!.W), p1!.b);
    for (let i = 0; i < X.length; i++) for (let j = 0; j < 2; j++) expect(f.layers[0].a.get(i, j)).toBeCloseTo(Math.max(z0.get(i, j), z1.get(i, j)), 12);
  });

  it('the fused softmax + cross-entropy gradient at the output is (ŷ − y)/n', () => {
    const c = new MLP({ inputs: 3, layers: [{ units: 3, activation: 'softmax' }], seed: 1 });
    const yHat = c.forward(X).output;
    const g = c.backward(X, yClass).gradients[0];
    // dL/db = Σ_i (ŷ_i − y_i)/n
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let i = 0; i < X.length; i++) s += (yHat.get(i, j) - (yClass[i] === j ? 1 : 0)) / X.length;
      expect(g.db.data[j]).toBeCloseTo(s, 14);
    }
  });

  it('the loss of a softmax output stays finite where ŷ underflows to 0', () => {
    const c = new MLP({ inputs: 1, layers: [{ units: 2, activation: 'softmax' }], seed: 1 });
    c.setParameters([[1000, -1000], [0, 0]]);
    const loss = c.evaluate([[1]], [1]).loss; // z = [1000, −1000], true class 1: loss = 2000
    expect(loss).toBeCloseTo(2000, 8);
  });

  it('uses the swappable matrix kernels for every product', () => {
    const { getKernels, setKernels } = jest.requireActual('../../../src/engine/matrix') as typeof import('../../../src/engine/matrix');
    const base = getKernels();
    const calls = { gemm: 0, gemmTN: 0, gemmNT: 0 };
    const prev = setKernels({
      name: 'counting',
      gemm: (...a) => (calls.gemm++, base.gemm(...a)),
      gemmTN: (...a) => (calls.gemmTN++, base.gemmTN(...a)),
      gemmNT: (...a) => (calls.gemmNT++, base.gemmNT(...a)),
    });
    try {
      m.clone().fit(X, yReg, { epochs: 2, batchSize: 3 });
    } finally {
      setKernels(prev);
    }
    // 2 epochs × 2 batches: 2 layers forward, 2 weight gradients, 1 δ sent back
    expect(calls).toEqual({ gemm: 8, gemmTN: 8, gemmNT: 4 });
  });

  it('fit allocates its buffers once: every batch writes into the same arrays', () => {
    const { getKernels, setKernels } = jest.requireActual('../../../src/engine/matrix') as typeof import('../../../src/engine/matrix');
    const base = getKernels();
    const outputs = new Set<Float64Array>();
    const inputs = new Set<Float64Array>();
    const prev = setKernels({
      name: 'recording',
      gemm: (m, n, k, a, b, c, acc) => (inputs.add(a), outputs.add(c), base.gemm(m, n, k, a, b, c, acc)),
      gemmTN: (m, n, k, a, b, c, acc) => (inputs.add(a), outputs.add(c), base.gemmTN(m, n, k, a, b, c, acc)),
      gemmNT: (m, n, k, a, b, c, acc) => (inputs.add(a), outputs.add(c), base.gemmNT(m, n, k, a, b, c, acc)),
    });
    try {
      m.clone().fit(X, yReg, { epochs: 10, batchSize: 2 }); // 30 batches
    } finally {
      setKernels(prev);
    }
    // z of 2 layers, dW of 2 layers, one δ buffer: 5 output arrays however many batches ran
    expect(outputs.size).toBe(5);
    // left operands: the batch copy of X, a of layer 1, δ of layer 2 (sent back through W)
    expect(inputs.size).toBe(3);
  });

  it('activations.relu is used by name or by object alike', () => {
    const a = new MLP({ inputs: 3, layers: [{ units: 2, activation: activations.relu }, { units: 1 }], seed: 1 });
    const b = new MLP({ inputs: 3, layers: [{ units: 2, activation: 'relu' }, { units: 1 }], seed: 1 });
    expect(a.predict(X)).toEqual(b.predict(X));
  });
});

// Matrix is used in type positions above through the results.
void Matrix;
