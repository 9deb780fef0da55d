/**
 * The resident training step (src/engine/mlp/resident.ts, wasm/train.ts) is the tested twin of
 * the readable reference (network.ts, layer.ts, optimizers.ts): each activation kernel against
 * the activation's own f and f′, and whole trainings — losses, accuracies and weights after every
 * epoch — against the reference, to 1e-12 relative, over shapes, activations, heads, batch sizes
 * and both optimisers it takes. What it does not take falls back to the reference.
 */
import fc from 'fast-check';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { MLP } from '../../../src/engine/mlp';
import { ResidentNet, activationCode, instantiateTrainModule, useResidentTraining } from '../../../src/engine/mlp/resident';
import { Activation, activations, elu, leakyRelu } from '../../../src/engine/activations';
import { Matrix, jsKernels, setKernels } from '../../../src/engine/matrix';
import { seededRng } from '../../../src/engine/rng';

/** |got − want| ≤ 1e-12·|want|, with `floor` as the smallest |want| the relative bound is taken of. */
const relClose = (got: number, want: number, floor = 0): boolean =>
  Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)) || Math.abs(got - want) <= 1e-12 * Math.max(Math.abs(want), floor);

const elementwise: [string, Activation][] = [
  ...Object.entries(activations),
  ['leakyRelu(0.3)', leakyRelu(0.3)],
  ['elu(0.5)', elu(0.5)],
];

/** Pre-activations: a fine grid over [−40, 40], both zeros, tiny and saturating values, NaN. */
const grid: number[] = [
  ...Array.from({ length: 8001 }, (_, i) => -40 + i / 100),
  0, -0, 1e-300, -1e-300, 1e-9, -1e-9, 700, -700, 745, -745, Infinity, -Infinity, NaN,
];

describe('the resident kernels compute the activations they stand for', () => {
  const ex = instantiateTrainModule()!;

  /** Runs activate and deactivate (with dA = 1) of `act` on `zs`; returns a = φ(z) and dZ = φ′(z). */
  function run(act: Activation, zs: number[]): { a: Float64Array; dZ: Float64Array } {
    const code = activationCode(act)!;
    const n = zs.length;
    const cols = (n + 3) & ~3; // one row, padded like a layer's
    const base = Math.ceil(ex.heapBase() / 128) * 16; // in numbers, 128-byte aligned
    const z = base;
    const a = z + cols;
    const dA = a + cols;
    const dZ = dA + cols;
    const need = (dZ + cols) * 8;
    if (need > ex.memory.buffer.byteLength) ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / 65536));
    const h = new Float64Array(ex.memory.buffer);
    h.fill(0, z, dZ + cols);
    h.set(zs, z);
    h.fill(1, dA, dA + n);
    ex.activate(code.kind, code.p, 1, n, cols, z * 8, a * 8);
    ex.deactivate(code.kind, code.p, cols, z * 8, a * 8, dA * 8, dZ * 8);
    return { a: h.slice(a, a + cols), dZ: h.slice(dZ, dZ + cols) };
  }

  it.each(elementwise)('%s: a = f(z) and dZ = 1·f′(z) to 1e-12 relative, padded columns 0', (_, act) => {
    const { a, dZ } = run(act, grid);
    const bad: string[] = [];
    grid.forEach((z, k) => {
      // σ′ = a(1 − a), tanh′ = 1 − a² and ELU′ = a + α are taken from a = φ(z), as the reference
      // kernels take them: their error is a's absolute error, so they are compared at scale 1
      const floor = ['sigmoid', 'tanh', 'elu'].includes(act.name) ? 1 : 0;
      if (!relClose(a[k], act.f(z))) bad.push(`f(${z}) = ${act.f(z)}, kernel ${a[k]}`);
      if (!relClose(dZ[k], act.df(z), floor)) bad.push(`f′(${z}) = ${act.df(z)}, kernel ${dZ[k]}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
    for (let k = grid.length; k < a.length; k++) expect([a[k], dZ[k]]).toEqual([0, 0]);
  });

  it("the module's exp, expm1, log1p and tanh (AssemblyScript's own) stay within 1e-15 of JavaScript's (measured: 4.3e-16, two units in the last place)", () => {
    // measured through kernels that are one function call each: SELU′ (exp), ELU (expm1),
    // softplus (log1p ∘ exp) and tanh, relative to the engine's f and f′ on the grid
    const finite = grid.filter((z) => Number.isFinite(z) && Math.abs(z) <= 40);
    let worst = 0;
    const measure = (got: ArrayLike<number>, want: (z: number) => number) =>
      finite.forEach((z, k) => {
        const w = want(z);
        if (w !== 0) worst = Math.max(worst, Math.abs(got[k] - w) / Math.abs(w));
      });
    measure(run(activations.selu, finite).dZ, activations.selu.df);
    measure(run(activations.elu, finite).a, activations.elu.f);
    measure(run(activations.softplus, finite).a, activations.softplus.f);
    measure(run(activations.tanh, finite).a, activations.tanh.f);
    expect(worst).toBeLessThan(1e-15);
    expect(worst).toBeGreaterThan(0); // they are not the same functions: the bound is a measurement
  });

  it('ReLU and leaky ReLU give 0 for NaN and −0 like the reference (z > 0 ? z : slope·z)', () => {
    const { a } = run(activations.relu, [NaN, -0, 2]);
    expect(Array.from(a.slice(0, 3))).toEqual([0, 0, 2]);
    expect(Object.is(a[1], 0)).toBe(true);
  });
});

type HeadKind = 'softmax' | 'sigmoidBce' | 'mse' | 'mseSigmoid';

interface Case {
  inputs: number;
  hidden: { units: number; act: string }[];
  head: HeadKind;
  outputs: number;
  n: number;
  batchSize: number;
  shuffle: boolean;
  optimizer: 'sgd' | 'momentum';
  epochs: number;
}

const hiddenNames = ['identity', 'relu', 'sigmoid', 'tanh', 'leakyRelu', 'elu', 'selu', 'softplus', 'step', 'sign'];

/** Trains one case with the resident step on or off; returns the losses, accuracies, weights and whether it ran resident. */
function trainCase(c: Case, resident: boolean) {
  const rng = seededRng(c.inputs * 1000 + c.n);
  const X = Array.from({ length: c.n }, () => Array.from({ length: c.inputs }, () => rng.uniform(-2, 2)));
  const outAct = c.head === 'softmax' ? 'softmax' : c.head === 'mse' ? 'identity' : 'sigmoid';
  const loss = c.head === 'softmax' ? 'crossEntropy' : c.head === 'sigmoidBce' ? 'binaryCrossEntropy' : 'mse';
  const outputs = c.head === 'softmax' ? Math.max(2, c.outputs) : c.outputs;
  const y: number[][] = X.map((x, i) => Array.from({ length: outputs }, (_, j) =>
    c.head === 'softmax' ? (j === i % outputs ? 1 : 0) : c.head === 'mse' ? x[0] - x[x.length - 1] * j : (x[0] * (j + 1) > 0 ? 1 : 0)));
  const model = new MLP({
    inputs: c.inputs,
    layers: [...c.hidden.map((h) => ({ units: h.units, activation: h.act as never })), { units: outputs, activation: outAct as never }],
    loss: loss as never,
    seed: 11,
  });
  const previous = useResidentTraining(resident);
  try {
    const used = ResidentNet.create(model.layers, (model as unknown as { head: never }).head, Math.min(c.batchSize, c.n), c.optimizer) !== null;
    const h = model.fit(X, y, { epochs: c.epochs, batchSize: c.batchSize, learningRate: 0.05, optimizer: c.optimizer, momentum: 0.8, shuffle: c.shuffle, seed: 4 });
    return { used, h, params: model.getParameters() };
  } finally {
    useResidentTraining(previous);
  }
}

/**
 * A run whose loss climbs past 10× its first epoch's is blowing up, and a blow-up amplifies any
 * difference of rounding (the module's exp and log1p are not JavaScript's, see above) by orders
 * of magnitude an epoch: such runs are not compared to 1e-12 (the property skips them).
 */
const steady = (loss: number[]): boolean => loss.every((l) => Number.isFinite(l) && l <= 10 * loss[0]);

function expectTwins(c: Case, skipUnsteady = false): void {
  const ref = trainCase(c, false);
  if (skipUnsteady) fc.pre(steady(ref.h.loss));
  const fast = trainCase(c, true);
  expect(ref.used).toBe(false);
  expect(fast.used).toBe(true);
  expect(fast.h.status).toBe(ref.h.status);
  expect(fast.h.loss.length).toBe(ref.h.loss.length);
  fast.h.loss.forEach((l, i) => expect(relClose(l, ref.h.loss[i])).toBe(true));
  expect(fast.h.accuracy).toEqual(ref.h.accuracy);
  ref.params.forEach((p, i) => {
    // relative to the largest parameter of its layer (W and b): a weight that crossed 0, or a
    // bias summed to about 0 from terms that cancel, has no relative error of its own
    const layer = [ref.params[i - (i % 2)], ref.params[i - (i % 2) + 1]];
    const scale = Math.max(...layer.flatMap((q) => Array.from(q, Math.abs)));
    p.forEach((v, k) => {
      if (!relClose(fast.params[i][k], v, scale)) throw new Error(`parameter ${i}[${k}]: ${fast.params[i][k]} against ${v} (${JSON.stringify(c)})`);
    });
  });
}

describe('the resident training step trains like the reference', () => {
  it('W3-like: 64-64-10 ReLU + softmax, batches of 32, shuffled, plain SGD, 3 epochs', () => {
    expectTwins({ inputs: 64, hidden: [{ units: 64, act: 'relu' }], head: 'softmax', outputs: 10, n: 300, batchSize: 32, shuffle: true, optimizer: 'sgd', epochs: 3 });
  });

  it('W1-like: 2-4-1 sigmoid with MSE, full batch, many epochs', () => {
    expectTwins({ inputs: 2, hidden: [{ units: 4, act: 'sigmoid' }], head: 'mseSigmoid', outputs: 1, n: 4, batchSize: 4, shuffle: false, optimizer: 'sgd', epochs: 200 });
  });

  it('over shapes, activations, heads, batch sizes, shuffling and both optimisers (fast-check)', () => {
    // Up to 8 batches an epoch and 4 epochs. The module's exp, tanh and log1p differ from
    // JavaScript's in the last bit now and then; many more steps (batch size 1 with momentum, say)
    // can amplify that past 1e-12 without either side being wrong (measured: 5e-12 after 76 steps).
    const caseArb: fc.Arbitrary<Case> = fc
      .record({
        inputs: fc.integer({ min: 1, max: 13 }),
        hidden: fc.array(fc.record({ units: fc.integer({ min: 1, max: 13 }), act: fc.constantFrom(...hiddenNames) }), { minLength: 0, maxLength: 3 }),
        head: fc.constantFrom<HeadKind>('softmax', 'sigmoidBce', 'mse', 'mseSigmoid'),
        outputs: fc.integer({ min: 1, max: 6 }),
        n: fc.integer({ min: 1, max: 40 }),
        batches: fc.integer({ min: 1, max: 8 }),
        extra: fc.integer({ min: 0, max: 3 }), // batch size a little over n / batches (or over n)
        shuffle: fc.boolean(),
        optimizer: fc.constantFrom<'sgd' | 'momentum'>('sgd', 'momentum'),
        epochs: fc.integer({ min: 1, max: 4 }),
      })
      .map(({ batches, extra, ...c }) => ({ ...c, batchSize: Math.ceil(c.n / batches) + extra }));
    fc.assert(fc.property(caseArb, (c) => expectTwins(c, true)), { numRuns: Number(process.env.RESIDENT_RUNS ?? 60) });
  });

  it('its relaxed-SIMD build (fused multiply-add, where the engine has it) trains like the reference too', () => {
    // Node 20 has relaxed SIMD behind a flag: check that build in a child process started with it.
    const script = path.join(__dirname, 'resident-relaxed-check.ts');
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', script], { encoding: 'utf8', timeout: 60000 });
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { kernels: string; used: boolean[]; loss: number; weights: number };
    expect(result.kernels).toBe('wasm-simd-fma');
    expect(result.used).toEqual([false, true]);
    expect(result.loss).toBeLessThan(1e-12);
    expect(result.weights).toBeLessThan(1e-12);
  });

  it('the weights come back after every epoch: onEpoch and validation see the trained weights', () => {
    const rng = seededRng(3);
    const X = Array.from({ length: 60 }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
    const y = X.map(([a, b]) => (a * b > 0 ? 1 : 0));
    const run = (resident: boolean) => {
      const previous = useResidentTraining(resident);
      try {
        const m = new MLP({ inputs: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 2, activation: 'softmax' }], seed: 2 });
        const seen: number[] = [];
        const h = m.fit(X, y, { epochs: 4, batchSize: 16, learningRate: 0.3, seed: 1, validationData: { X, y }, onEpoch: (e) => void seen.push(e.model.getParameters()[0][0]) });
        return { seen, valLoss: h.valLoss! };
      } finally {
        useResidentTraining(previous);
      }
    };
    const ref = run(false);
    const fast = run(true);
    fast.seen.forEach((w, i) => expect(relClose(w, ref.seen[i], 1)).toBe(true));
    fast.valLoss.forEach((l, i) => expect(relClose(l, ref.valLoss[i])).toBe(true));
    expect(new Set(fast.seen).size).toBe(4); // the weights moved, epoch after epoch
  });

  it('weights that overflow in the last step of an epoch (the loss still finite) are caught and restored as the reference does', () => {
    const run = (resident: boolean, onEpoch: boolean) => {
      const previous = useResidentTraining(resident);
      try {
        const m = new MLP({ inputs: 3, layers: [{ units: 5, activation: 'tanh' }, { units: 1, activation: 'identity' }], loss: 'mse', seed: 3 });
        const X = Array.from({ length: 12 }, (_, i) => [i / 4, 1 - i / 6, (i % 3) / 2]);
        const start = m.getParameters();
        const h = m.fit(X, X.map((x) => 1000 * x[0] - x[1]), { epochs: 3, batchSize: 12, learningRate: 1e308, shuffle: false, onEpoch: onEpoch ? () => undefined : undefined });
        return { h, params: m.getParameters(), start };
      } finally {
        useResidentTraining(previous);
      }
    };
    const ref = run(false, false);
    expect(ref.h.message).toMatch(/^diverged at epoch 1: the weights became NaN or ∞/);
    expect(ref.params).toEqual(ref.start);
    for (const onEpoch of [false, true]) {
      const fast = run(true, onEpoch);
      expect(fast.h.message).toBe(ref.h.message);
      expect(fast.h.loss).toEqual(ref.h.loss);
      expect(fast.params).toEqual(ref.params);
    }
  });

  it('a full batch is copied in once per fit, yet data changed by onEpoch between epochs is trained on, as by the reference', () => {
    const run = (resident: boolean, grow: boolean) => {
      const previous = useResidentTraining(resident);
      try {
        const m = new MLP({ inputs: 2, layers: [{ units: 4, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', seed: 5 });
        const X = new Matrix(4, 2, Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]));
        const h = m.fit(X, [0, 1, 1, 0], { epochs: 6, batchSize: 4, learningRate: 0.5, shuffle: false,
          onEpoch: () => void (grow && X.data.forEach((v, k) => (X.data[k] = v * 1.5 + 0.25))) });
        return { loss: h.loss, params: m.getParameters() };
      } finally {
        useResidentTraining(previous);
      }
    };
    const ref = run(false, true);
    const fast = run(true, true);
    fast.loss.forEach((l, i) => expect(relClose(l, ref.loss[i])).toBe(true));
    fast.params.forEach((p, i) => p.forEach((v, k) => expect(relClose(v, ref.params[i][k], 1)).toBe(true)));
    // the change matters: the same run on unchanged data ends elsewhere
    expect(Math.abs(run(true, false).loss[5] - fast.loss[5])).toBeGreaterThan(1e-6);
  });

  it('a diverging run stops and restores its weights as the reference does', () => {
    const c: Case = { inputs: 3, hidden: [{ units: 5, act: 'relu' }], head: 'mse', outputs: 1, n: 20, batchSize: 5, shuffle: true, optimizer: 'sgd', epochs: 30 };
    const big = (resident: boolean) => {
      const previous = useResidentTraining(resident);
      try {
        const m = new MLP({ inputs: 3, layers: [{ units: 5, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'mse', seed: 1 });
        const X = Array.from({ length: c.n }, (_, i) => [i, -i, i / 2]);
        const h = m.fit(X, X.map((x) => x[0] * 10), { epochs: 30, batchSize: 5, learningRate: 5, seed: 2 });
        return { h, params: m.getParameters() };
      } finally {
        useResidentTraining(previous);
      }
    };
    const ref = big(false);
    const fast = big(true);
    expect(ref.h.status).toBe('diverged');
    expect(fast.h.status).toBe('diverged');
    expect(fast.h.message).toBe(ref.h.message);
    expect(fast.params).toEqual(ref.params);
  });
});

describe('what the resident step does not take runs the reference', () => {
  const dense = () => new MLP({ inputs: 3, layers: [{ units: 4, activation: 'relu' }, { units: 2, activation: 'softmax' }], seed: 1 });
  const head = (m: MLP) => (m as unknown as { head: never }).head;

  it('takes the course networks with plain SGD and momentum', () => {
    expect(ResidentNet.create(dense().layers, head(dense()), 8, 'sgd')).not.toBeNull();
    expect(ResidentNet.create(dense().layers, head(dense()), 8, 'momentum')).not.toBeNull();
  });

  it('Adam, maxout layers, softmax with MSE, MAE and kernels chosen with setKernels fall back', () => {
    expect(ResidentNet.create(dense().layers, head(dense()), 8, 'adam')).toBeNull();
    const maxout = new MLP({ inputs: 3, layers: [{ type: 'maxout', units: 4, pieces: 2 } as never, { units: 2, activation: 'softmax' }], seed: 1 });
    expect(ResidentNet.create(maxout.layers, head(maxout), 8, 'sgd')).toBeNull();
    const softmaxMse = new MLP({ inputs: 3, layers: [{ units: 2, activation: 'softmax' }], loss: 'mse', seed: 1 });
    expect(ResidentNet.create(softmaxMse.layers, head(softmaxMse), 8, 'sgd')).toBeNull();
    const mae = new MLP({ inputs: 3, layers: [{ units: 1, activation: 'identity' }], loss: 'mae', seed: 1 });
    expect(ResidentNet.create(mae.layers, head(mae), 8, 'sgd')).toBeNull();
    const custom: Activation = { name: 'relu', f: (z) => Math.max(z, 0), df: (z) => (z > 0 ? 1 : 0) };
    const own = new MLP({ inputs: 3, layers: [{ units: 4, activation: custom }, { units: 2, activation: 'softmax' }], seed: 1 });
    expect(ResidentNet.create(own.layers, head(own), 8, 'sgd')).toBeNull();
    const previous = setKernels(jsKernels);
    try {
      expect(ResidentNet.create(dense().layers, head(dense()), 8, 'sgd')).toBeNull();
    } finally {
      setKernels(previous);
    }
  });

  it('a memory that cannot be had (here: 4 GiB for the batch alone) falls back instead of throwing', () => {
    const m = dense();
    expect(ResidentNet.create(m.layers, head(m), 2 ** 28, 'sgd')).toBeNull();
  });
});
