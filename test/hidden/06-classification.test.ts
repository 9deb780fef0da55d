// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 06 — hidden tests (lecturer only): random logits and class counts, huge logits,
 * random networks against numerical gradients, another iris split, the digits.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { accuracy, lossOracle, mulberry32, netNumericalGradients, numericalGradient, oneHot, randomMatrix, randomNet, softmaxOracle } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectObject, fail, property, show } from '../support/teach';

// Two training calls with limits of 20 + 30 s: the budget (60 s by default) must cover them.
const ex = startedExercise('06-classification', { budgetMs: 120_000 });

/** The jest timeout of a test that makes one training call with limit `ms` (CPU-available
 *  time, up to 3× in wall time for a starved child): beyond the sandbox's own worst case. */
const testMs = (ms: number) => 3 * ms + 15_000;

const HINTS: Record<string, string> = {
  loss: 'the loss at the given parameters: MSE over all n·k entries, or cross-entropy averaged over the n samples.',
  dW2: 'dW2 = Hᵀδ2 with H the hidden activations (after φ); it must work for any number of samples, hidden units and outputs.',
  db2: 'db2 sums δ2 over the samples (rows).',
  dW1: 'δ1 = (δ2·W2ᵀ) ⊙ φ\'(Z1), then dW1 = Xᵀδ1: the derivative of the hidden activation, at Z1.',
  db1: 'db1 sums δ1 over the samples.',
};

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 5 }),
  h: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), hidden: fc.constantFrom('sigmoid' as const, 'tanh' as const, 'relu' as const),
});

async function compare(fn: string, loss: 'mse' | 'softmaxCrossEntropy', c: { seed: number; n: number; d: number; h: number; k: number; hidden: 'sigmoid' | 'tanh' | 'relu' }): Promise<void> {
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

function predictions(got: unknown, n: number, what: string): number[] {
  if (!Array.isArray(got) || got.length !== n || !got.every((v) => typeof v === 'number' && Number.isFinite(v))) fail(what, `${n} finite numbers`, got);
  return got as number[];
}

describe('exercise 06-classification (hidden): the classification MLP', () => {
  it('[06-classification.softmax.random] softmax matches log-sum-exp on random logits, large ones included', async () => {
    const logits = fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 8 });
    await property(logits, async (z) => {
      expectClose(await ex.call<number[]>('softmax', z), softmaxOracle(z), {
        atol: 1e-12, rtol: 1e-9, what: `softmax(${show(z)})`, hint: 'subtract max(z) before exponentiating; the result must sum to 1 and never be NaN.',
      });
    }, { seed: 42, numRuns: 30 });
    const negative = [-1000, -1001, -999];
    expectClose(await ex.call<number[]>('softmax', negative), softmaxOracle(negative), {
      atol: 1e-12, rtol: 1e-9, what: `softmax(${show(negative)})`, hint: 'e^(−1000) underflows to 0 and 0/0 is NaN: subtract the maximum first.',
    });
  });

  it('[06-classification.cross-entropy.random] cross-entropies and gradients on random class counts', async () => {
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

  it('[06-classification.softmax-cross-entropy.stable] cross-entropy from huge logits is finite and exact', async () => {
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

  it('[06-classification.backprop.random] softmax + cross-entropy gradients of random networks of random shapes', async () => {
    await property(caseArb, (c) => compare('backpropSoftmaxCrossEntropy', 'softmaxCrossEntropy', c), { seed: 43, numRuns: 25 });
  });

  it('[06-classification.backprop.single-sample] one sample, one hidden unit: the smallest network still has every gradient', async () => {
    await compare('backpropSoftmaxCrossEntropy', 'softmaxCrossEntropy', { seed: 12, n: 1, d: 3, h: 1, k: 1, hidden: 'sigmoid' });
  });

  it('[06-classification.classifier.iris-other-split] iris, another split: still 90% held-out accuracy', async () => {
    const data = split(loadTable('iris'), 0.3, 7);
    const got = await ex.callWith({ timeoutMs: 20000 }, 'trainClassifier', data.XTrain, data.yTrain, 3, data.XTest);
    const acc = accuracy(data.yTest, predictions(got, data.XTest.length, 'trainClassifier(iris, other split)'));
    if (!(acc >= 0.9)) fail('held-out accuracy on iris (other split)', '≥ 0.9', acc);
  }, testMs(20_000));

  it('[06-classification.classifier.digits] the same classifier code reaches 85% on 8×8 digits (10 classes)', async () => {
    const digits = loadTable('digits');
    const data = split({ X: digits.X.slice(0, 600), y: digits.y.slice(0, 600) }, 1 / 3, 3);
    const got = await ex.callWith({ timeoutMs: 30000 }, 'trainClassifier', data.XTrain, data.yTrain, 10, data.XTest);
    const acc = accuracy(data.yTest, predictions(got, data.XTest.length, 'trainClassifier(digits)'));
    if (!(acc >= 0.85)) fail('held-out accuracy on 200 digits', '≥ 0.85', acc, 'use the classes argument for the output size; constant pixels have std 0 — do not divide by it.');
  }, testMs(30_000));
});
