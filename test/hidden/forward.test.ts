// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 4 — hidden tests (lecturer only): random shapes, deep networks, large logits.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { OracleActivation, denseOracle, mulberry32, randomMatrix, randomVector } from '../support/oracles';
import { expectShape, property } from '../support/teach';

const ex = startedExercise('forward');
const ACTIVATIONS: OracleActivation[] = ['identity', 'sigmoid', 'tanh', 'relu', 'softmax'];

describe('exercise 4 (hidden): the forward pass', () => {
  it('[forward.dense.random-shapes] denseLayer on random shapes (1–6 samples, 1–6 inputs, 1–5 units)', async () => {
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

  it('[forward.dense.softmax-large] a softmax layer with large logits stays finite', async () => {
    const X = [[100, 200], [-300, 50]];
    const W = [[5, 4, 3], [2, 8, -1]];
    const b = [0, 0, 0];
    expectClose(await ex.call<number[][]>('denseLayer', X, W, b, 'softmax'), denseOracle(X, W, b, 'softmax'), {
      atol: 1e-12, rtol: 1e-9, what: 'denseLayer with logits in the thousands, \'softmax\'', hint: 'subtract each row\'s maximum logit before exponentiating.',
    });
  });

  it('[forward.mlp.deep] mlpForward through four layers of mixed activations', async () => {
    const rand = mulberry32(99);
    const sizes = [6, 5, 4, 3, 3];
    const acts: OracleActivation[] = ['relu', 'tanh', 'identity', 'softmax'];
    const layers = acts.map((activation, l) => ({ W: randomMatrix(rand, sizes[l], sizes[l + 1]), b: randomVector(rand, sizes[l + 1]), activation }));
    const X = randomMatrix(rand, 7, 6, -2, 2);
    const want = layers.reduce((H, L) => denseOracle(H, L.W, L.b, L.activation), X);
    expectClose(await ex.call<number[][]>('mlpForward', X, layers), want, { atol: 1e-12, rtol: 1e-9, what: 'mlpForward through 6→5→4→3→3', hint: 'loop over every layer, each taking the previous layer\'s output.' });
  });

  it('[forward.mlp.one-layer] mlpForward with a single layer equals denseLayer', async () => {
    const X = [[1, -1]];
    const layer = { W: [[2], [3]], b: [0.25], activation: 'relu' as const };
    expectClose(await ex.call<number[][]>('mlpForward', X, [layer]), denseOracle(X, layer.W, layer.b, 'relu'), { atol: 1e-12, what: 'mlpForward(X [1×2], one relu layer)' });
  });
});
