// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 6 — hidden tests (lecturer only): random networks of random shapes,
 * checked against numerical gradients computed in the test process.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { mulberry32, netNumericalGradients, oneHot, randomMatrix, randomNet } from '../support/oracles';
import { expectObject, property } from '../support/teach';

const ex = startedExercise('backprop');

const HINTS: Record<string, string> = {
  loss: 'the loss at the given parameters: MSE over all n·k entries, or cross-entropy averaged over the n samples.',
  dW2: 'dW2 = Hᵀδ2 with H the hidden activations (after φ); it must work for any number of samples, hidden units and outputs.',
  db2: 'db2 sums δ2 over the samples (rows).',
  dW1: 'δ1 = (δ2·W2ᵀ) ⊙ φ\'(Z1), then dW1 = Xᵀδ1: the derivative of the hidden activation, at Z1.',
  db1: 'db1 sums δ1 over the samples.',
};

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 5 }),
  h: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), hidden: fc.constantFrom('sigmoid' as const, 'tanh' as const),
});

async function compare(fn: string, loss: 'mse' | 'softmaxCrossEntropy', c: { seed: number; n: number; d: number; h: number; k: number; hidden: 'sigmoid' | 'tanh' }): Promise<void> {
  const rand = mulberry32(c.seed);
  const k = loss === 'mse' ? c.k : c.k + 1; // at least two classes
  const net = randomNet(rand, c.d, c.h, k, c.hidden, 1.5);
  const X = randomMatrix(rand, c.n, c.d, -2, 2);
  const Y = loss === 'mse' ? randomMatrix(rand, c.n, k, -2, 2) : oneHot(Array.from({ length: c.n }, () => Math.floor(rand() * k)), k);
  const want = netNumericalGradients(net, X, Y, loss);
  const label = `${c.d}-${c.h}-${k} ${c.hidden} net, ${c.n} samples`;
  const got = expectObject(await ex.call(fn, net, X, Y), ['loss', 'dW1', 'db1', 'dW2', 'db2'], `${fn}(${label})`);
  for (const key of ['loss', 'dW2', 'db2', 'dW1', 'db1'] as const) {
    expectClose(got[key], want[key], { atol: 1e-6, rtol: 1e-4, what: `${fn}(${label}).${key}`, hint: HINTS[key] });
  }
}

describe('exercise 6 (hidden): backpropagation on random networks', () => {
  it('[backprop.mse.random] MSE gradients of random networks of random shapes', async () => {
    await property(caseArb, (c) => compare('backpropMse', 'mse', c), { seed: 42, numRuns: 25 });
  });

  it('[backprop.softmax-ce.random] softmax + cross-entropy gradients of random networks of random shapes', async () => {
    await property(caseArb, (c) => compare('backpropSoftmaxCrossEntropy', 'softmaxCrossEntropy', c), { seed: 43, numRuns: 25 });
  });

  it('[backprop.single-sample] one sample, one hidden unit: the smallest network still has every gradient', async () => {
    await compare('backpropMse', 'mse', { seed: 11, n: 1, d: 1, h: 1, k: 1, hidden: 'tanh' });
    await compare('backpropSoftmaxCrossEntropy', 'softmaxCrossEntropy', { seed: 12, n: 1, d: 3, h: 1, k: 1, hidden: 'sigmoid' });
  });
});
