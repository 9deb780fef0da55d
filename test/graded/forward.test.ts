/**
 * Exercise 4 — the forward pass (public tests).
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { denseOracle, mulberry32, randomMatrix, randomVector } from '../support/oracles';
import { expectShape } from '../support/teach';

const ex = startedExercise('forward');

const SHAPE_HINT = 'X is [samples × inputs] and W is [inputs × units]: H = φ(XW + b) has one row per sample and one column per unit.';
const BIAS_HINT = 'add b_j to every row\'s column j before the activation (do not forget the bias).';

describe('exercise 4: the forward pass', () => {
  it('[forward.dense.identity] denseLayer with no activation is XW + b', async () => {
    const X = [[1, 2], [0, -1], [3, 0.5]];
    const W = [[1, 0, -1], [2, 1, 0.5]];
    const b = [0.5, -1, 2];
    const got = await ex.call<number[][]>('denseLayer', X, W, b, 'identity');
    expectShape(got, 3, 3, 'denseLayer(X [3×2], W [2×3], b [3])');
    expectClose(got, denseOracle(X, W, b, 'identity'), { atol: 1e-12, what: 'denseLayer(X, W, b, \'identity\')', hint: `${SHAPE_HINT} ${BIAS_HINT}` });
  });

  it('[forward.dense.activations] denseLayer applies sigmoid, tanh and relu elementwise', async () => {
    const rand = mulberry32(4);
    const X = randomMatrix(rand, 4, 3, -2, 2);
    const W = randomMatrix(rand, 3, 2, -1, 1);
    const b = randomVector(rand, 2);
    for (const activation of ['sigmoid', 'tanh', 'relu'] as const) {
      expectClose(await ex.call<number[][]>('denseLayer', X, W, b, activation), denseOracle(X, W, b, activation), {
        atol: 1e-12, rtol: 1e-9, what: `denseLayer(X, W, b, '${activation}')`, hint: `apply φ after adding the bias: φ(XW + b), not φ(XW) + b. ${SHAPE_HINT}`,
      });
    }
  });

  it('[forward.dense.softmax] a softmax layer normalises each row (not each column)', async () => {
    const X = [[1, 0], [0, 1], [2, 2]];
    const W = [[1, -1, 0], [0.5, 0.5, 2]];
    const b = [0, 0.1, -0.1];
    expectClose(await ex.call<number[][]>('denseLayer', X, W, b, 'softmax'), denseOracle(X, W, b, 'softmax'), {
      atol: 1e-12, rtol: 1e-9, what: 'denseLayer(X, W, b, \'softmax\')', hint: 'softmax acts on each sample\'s row of logits: every row of H sums to 1.',
    });
  });

  it('[forward.mlp.two-layers] mlpForward feeds each layer\'s output to the next', async () => {
    const rand = mulberry32(7);
    const X = randomMatrix(rand, 5, 3, -1, 1);
    const layers = [
      { W: randomMatrix(rand, 3, 4), b: randomVector(rand, 4), activation: 'tanh' as const },
      { W: randomMatrix(rand, 4, 2), b: randomVector(rand, 2), activation: 'sigmoid' as const },
    ];
    const want = denseOracle(denseOracle(X, layers[0].W, layers[0].b, 'tanh'), layers[1].W, layers[1].b, 'sigmoid');
    const got = await ex.call<number[][]>('mlpForward', X, layers);
    expectShape(got, 5, 2, 'mlpForward(X [5×3], layers 3→4→2)');
    expectClose(got, want, { atol: 1e-12, rtol: 1e-9, what: 'mlpForward(X, [tanh 3→4, sigmoid 4→2])', hint: 'H₁ = φ₁(XW₁ + b₁), then output = φ₂(H₁W₂ + b₂): each layer takes the previous layer\'s activations, not X.' });
  });
});
