// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 04 — hidden tests (lecturer only): random shapes, deep networks, random networks
 * against numerical gradients, a single sample, near-symmetric networks.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { GATE_INPUTS, OracleNet, clone, denseOracle, mulberry32, netNumericalGradients, randomMatrix, randomNet, randomVector, stepOracle, trainOracle, unitsIdentical } from '../support/oracles';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame, expectShape, property } from '../support/teach';

const ex = startedExercise('04-mlp-backprop');
const ACTIVATIONS = ['identity', 'sigmoid'] as const;

function sigmoidNet(rand: () => number, inputs: number, hidden: number, outputs: number, scale = 1): Omit<OracleNet, 'hidden'> {
  const { hidden: _sigmoid, ...net } = randomNet(rand, inputs, hidden, outputs, 'sigmoid', scale);
  return net;
}
const oracle = (net: Omit<OracleNet, 'hidden'>): OracleNet => ({ ...clone(net), hidden: 'sigmoid' });

function compareNets(got: unknown, want: OracleNet, what: string, atol: number, hint?: string): void {
  const net = expectObject(got, ['W1', 'b1', 'W2', 'b2'], what);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) expectClose(net[key], want[key], { atol, rtol: 1e-6, what: `${what}.${key}`, hint });
}

async function compareGradients(c: { seed: number; n: number; d: number; h: number; k: number }): Promise<void> {
  const rand = mulberry32(c.seed);
  const net = sigmoidNet(rand, c.d, c.h, c.k, 1.5);
  const X = randomMatrix(rand, c.n, c.d, -2, 2);
  const Y = randomMatrix(rand, c.n, c.k, -2, 2);
  const want = netNumericalGradients(oracle(net), X, Y, 'mse');
  const label = `${c.d}-${c.h}-${c.k} net, ${c.n} samples`;
  const got = expectObject(await ex.call('backpropMse', net, X, Y), ['loss', 'dW1', 'db1', 'dW2', 'db2'], `backpropMse(${label})`);
  for (const key of ['loss', 'dW2', 'db2', 'dW1', 'db1'] as const) {
    expectClose(got[key], want[key], { atol: 1e-6, rtol: 1e-4, what: `backpropMse(${label}).${key}`, hint: 'it must work for any number of samples, inputs, hidden units and outputs.' });
  }
}

describe('exercise 04-mlp-backprop (hidden): forward pass, backpropagation, training', () => {
  it('[04-mlp-backprop.dense.random-shapes] denseLayer on random shapes (1–6 samples, 1–6 inputs, 1–5 units)', async () => {
    const caseArb = fc.record({
      seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 6 }),
      k: fc.integer({ min: 1, max: 5 }), activation: fc.constantFrom(...ACTIVATIONS),
    });
    await property(caseArb, async ({ seed, n, d, k, activation }) => {
      const rand = mulberry32(seed);
      const X = randomMatrix(rand, n, d, -3, 3);
      const W = randomMatrix(rand, d, k);
      const b = randomVector(rand, k);
      const got = await ex.call<number[][]>('denseLayer', X, W, b, activation);
      expectShape(got, n, k, `denseLayer(X [${n}×${d}], W [${d}×${k}], '${activation}')`);
      expectClose(got, denseOracle(X, W, b, activation), { atol: 1e-12, rtol: 1e-9, what: `denseLayer(X [${n}×${d}], W [${d}×${k}], b, '${activation}')`,
        hint: 'H = φ(XW + b) for any shapes: loop over X\'s rows, W\'s columns and the inner size d (do not assume 2 inputs); add the bias before φ.' });
    }, { seed: 42, numRuns: 30 });
  });

  it('[04-mlp-backprop.mlp.deep] mlpForward through four layers', async () => {
    const rand = mulberry32(99);
    const sizes = [6, 5, 4, 3, 3];
    const acts = ['sigmoid', 'sigmoid', 'identity', 'sigmoid'] as const;
    const layers = acts.map((activation, l) => ({ W: randomMatrix(rand, sizes[l], sizes[l + 1]), b: randomVector(rand, sizes[l + 1]), activation }));
    const X = randomMatrix(rand, 7, 6, -2, 2);
    const want = layers.reduce((H, L) => denseOracle(H, L.W, L.b, L.activation), X);
    expectClose(await ex.call<number[][]>('mlpForward', X, layers), want, { atol: 1e-12, rtol: 1e-9, what: 'mlpForward through 6→5→4→3→3', hint: 'loop over every layer, each taking the previous layer\'s output.' });
  });

  it('[04-mlp-backprop.mlp.one-layer] mlpForward with a single layer equals denseLayer', async () => {
    const X = [[1, -1]];
    const layer = { W: [[2], [3]], b: [0.25], activation: 'sigmoid' as const };
    expectClose(await ex.call<number[][]>('mlpForward', X, [layer]), denseOracle(X, layer.W, layer.b, 'sigmoid'), { atol: 1e-12, what: 'mlpForward(X [1×2], one sigmoid layer)' });
  });

  it('[04-mlp-backprop.backprop.random] MSE gradients of random networks of random shapes', async () => {
    const caseArb = fc.record({
      seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 5 }),
      h: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }),
    });
    await property(caseArb, compareGradients, { seed: 42, numRuns: 25 });
  });

  it('[04-mlp-backprop.backprop.single-sample] one sample, one hidden unit: the smallest network still has every gradient', async () => {
    await compareGradients({ seed: 11, n: 1, d: 1, h: 1, k: 1 });
  });

  it('[04-mlp-backprop.step.random] gradientStep on a 4-5-3 network with random gradients and η = 0.37', async () => {
    const rand = mulberry32(21);
    const net = sigmoidNet(rand, 4, 5, 3);
    const g = sigmoidNet(rand, 4, 5, 3);
    const grads = { loss: 1, dW1: g.W1, db1: g.b1, dW2: g.W2, db2: g.b2 };
    compareNets(await ex.call('gradientStep', net, grads, 0.37), stepOracle(oracle(net), grads, 0.37), 'gradientStep(4-5-3 net)', 1e-12, 'θ ← θ − η·∂L/∂θ for every weight and bias, whatever the shapes.');
  });

  it('[04-mlp-backprop.minibatch.inputs-unchanged] trainMiniBatch leaves the starting network, X and Y as they were', async () => {
    const net = sigmoidNet(mulberry32(22), 2, 3, 1);
    const X = clone(GATE_INPUTS);
    const Y = [[0], [1], [1], [0]];
    const options = { eta: 0.3, epochs: 3, batchSize: 2 };
    const got = await ex.callWith({ returnArgs: true }, 'trainMiniBatch', net, X, Y, options);
    expectObject(got.result, ['net', 'losses'], 'trainMiniBatch(...)');
    expectArgsUnchanged('trainMiniBatch', ['net', 'X', 'Y', 'options'], [net, X, Y, options], got.args,
      'train a copy of the network (or let gradientStep return new ones); the caller keeps the starting network.');
    expectFreshResult('trainMiniBatch', ['net', 'X', 'Y'], got.result, got.args, 'the trained network is a new one.');
  });

  it('[04-mlp-backprop.zeros.two-outputs] zero initialisation with two outputs keeps the units identical', async () => {
    const X = clone(GATE_INPUTS);
    const Y = [[0, 1], [1, 1], [1, 0], [0, 0]];
    const got = await ex.call('trainFromZeros', X, Y, 4, 0.3, 50);
    const zero = { W1: [[0, 0, 0, 0], [0, 0, 0, 0]], b1: [0, 0, 0, 0], W2: [[0, 0], [0, 0], [0, 0], [0, 0]], b2: [0, 0], hidden: 'sigmoid' as const };
    compareNets(got, trainOracle(zero, X, Y, 0.3, 50, 4).net, 'trainFromZeros(4 hidden units, 2 outputs)', 1e-7);
    expectSame(unitsIdentical({ ...(got as OracleNet), hidden: 'sigmoid' }), true, 'hidden units identical after zero initialisation (two outputs)');
  });

  it('[04-mlp-backprop.symmetry.near] hiddenUnitsIdentical notices a difference of 1e-6 in any single weight', async () => {
    const base = { W1: [[0.3, 0.3, 0.3]], b1: [0.5, 0.5, 0.5], W2: [[2, 1], [2, 1], [2, 1]], b2: [0.1, 0] };
    for (const [key, i, j] of [['W1', 0, 2], ['b1', 1, -1], ['W2', 2, 1]] as const) {
      const net = clone(base) as unknown as Record<string, number[] | number[][]>;
      if (j < 0) (net[key] as number[])[i] += 1e-6;
      else (net[key] as number[][])[i][j] += 1e-6;
      expectSame(await ex.call('hiddenUnitsIdentical', net), false, `hiddenUnitsIdentical after nudging ${key} by 1e-6`,
        'compare incoming weights, bias AND outgoing weights of every unit, with a tolerance of 1e-12.');
    }
    expectSame(await ex.call('hiddenUnitsIdentical', { ...base, W1: [[1]], b1: [0], W2: [[1, 1]] }), true, 'hiddenUnitsIdentical with a single hidden unit');
  });
});
