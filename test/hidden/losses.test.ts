// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 5 — hidden tests (lecturer only): random shapes, large logits, a single sample.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { property } from '../support/teach';
import { expectClose } from '../support/compare';
import { lossOracle, mulberry32, numericalGradient, oneHot, randomMatrix, softmaxOracle } from '../support/oracles';

const ex = startedExercise('losses');

describe('exercise 5 (hidden): losses', () => {
  it('[losses.regression.random] mse, mae and huber with their gradients on random shapes', async () => {
    const caseArb = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), delta: fc.constantFrom(0.5, 1, 3) });
    await property(caseArb, async ({ seed, n, k, delta }) => {
      const rand = mulberry32(seed);
      const t = randomMatrix(rand, n, k, -3, 3);
      const p = randomMatrix(rand, n, k, -3, 3);
      const shape = `[${n}×${k}]`;
      expectClose(await ex.call<number>('mse', t, p), lossOracle.mse(t, p), { rtol: 1e-9, what: `mse ${shape}`, hint: 'the mean over all n·k entries, for any shape.' });
      expectClose(await ex.call<number>('mae', t, p), lossOracle.mae(t, p), { rtol: 1e-9, what: `mae ${shape}` });
      expectClose(await ex.call<number>('huber', t, p, delta), lossOracle.huber(t, p, delta), { rtol: 1e-9, what: `huber ${shape}, δ = ${delta}`, hint: 'use the δ argument: e²/2 inside |e| ≤ δ, δ(|e| − δ/2) outside.' });
      expectClose(await ex.call<number[][]>('mseGradient', t, p), numericalGradient((P) => lossOracle.mse(t, P), p), { atol: 1e-6, rtol: 1e-5, what: `mseGradient ${shape}` });
      expectClose(await ex.call<number[][]>('huberGradient', t, p, delta), numericalGradient((P) => lossOracle.huber(t, P, delta), p), { atol: 1e-6, rtol: 1e-5, what: `huberGradient ${shape}, δ = ${delta}`, hint: 'e inside |e| ≤ δ, δ·sign(e) outside, divided by n·k.' });
    }, { seed: 42, numRuns: 20 });
  });

  it('[losses.cross-entropy.random] cross-entropies and gradients on random class counts', async () => {
    const caseArb = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 2, max: 6 }) });
    await property(caseArb, async ({ seed, n, k }) => {
      const rand = mulberry32(seed);
      const Y = oneHot(Array.from({ length: n }, () => Math.floor(rand() * k)), k);
      const Z = randomMatrix(rand, n, k, -4, 4);
      const P = Z.map(softmaxOracle);
      expectClose(await ex.call<number>('crossEntropy', Y, P), lossOracle.crossEntropy(Y, P), { rtol: 1e-9, what: `crossEntropy [${n}×${k}]`, hint: 'sum over the k classes, mean over the n samples.' });
      expectClose(await ex.call<number>('softmaxCrossEntropy', Y, Z), lossOracle.softmaxCrossEntropy(Y, Z), { rtol: 1e-9, what: `softmaxCrossEntropy [${n}×${k}]` });
      expectClose(await ex.call<number[][]>('softmaxCrossEntropyGradient', Y, Z), numericalGradient((M) => lossOracle.softmaxCrossEntropy(Y, M), Z), { atol: 1e-6, rtol: 1e-5, what: `softmaxCrossEntropyGradient [${n}×${k}]` });
    }, { seed: 42, numRuns: 20 });
  });

  it('[losses.softmax-cross-entropy.stable] cross-entropy from huge logits is finite and exact', async () => {
    const Y = [[0, 1, 0], [1, 0, 0]];
    const Z = [[1000, 990, -1000], [-800, -790, -810]];
    expectClose(await ex.call<number>('softmaxCrossEntropy', Y, Z), lossOracle.softmaxCrossEntropy(Y, Z), {
      rtol: 1e-9, what: 'softmaxCrossEntropy with logits ±1000',
      hint: 'e^1000 = ∞: compute log softmax as z_k − m − log Σ_j e^(z_j − m), m = max(z) (log-sum-exp).',
    });
    expectClose(await ex.call<number[][]>('softmaxCrossEntropyGradient', Y, Z), Z.map((z, i) => softmaxOracle(z).map((s, k) => (s - Y[i][k]) / 2)), {
      atol: 1e-12, what: 'softmaxCrossEntropyGradient with logits ±1000', hint: 'a stable softmax (subtract the row maximum) keeps the gradient finite.',
    });
  });

  it('[losses.edge.perfect] a perfect prediction has loss 0 and gradient 0', async () => {
    const Y = [[0.5, -2]];
    expectClose(await ex.call<number>('mse', Y, Y), 0, { atol: 0, what: 'mse(y, y)' });
    expectClose(await ex.call<number[][]>('maeGradient', Y, Y), [[0, 0]], { atol: 0, what: 'maeGradient(y, y)', hint: 'sign(0) = 0: no error, no push.' });
    expectClose(await ex.call<number[][]>('huberGradient', Y, Y, 1), [[0, 0]], { atol: 0, what: 'huberGradient(y, y, 1)' });
  });
});
