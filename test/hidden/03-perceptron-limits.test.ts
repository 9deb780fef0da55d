// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 03 — hidden tests (lecturer only): the budget of the separability test, any rows for the feature map.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { GATES, GATE_INPUTS, trainPerceptronOracle } from '../support/oracles';
import { expectSame, show } from '../support/teach';

const ex = startedExercise('03-perceptron-limits');

describe('exercise 03-perceptron-limits (hidden): XOR', () => {
  it('[03-perceptron-limits.separable.budget] isLinearlySeparable answers within exactly the epochs it is given', async () => {
    const Y = GATES.and.map((y) => [y]);
    const needed = trainPerceptronOracle(GATE_INPUTS, Y, 1, 100).errorsPerEpoch.length;
    expectSame(await ex.call('isLinearlySeparable', GATE_INPUTS, Y, needed - 1), false, `isLinearlySeparable(AND, ${needed - 1} epochs)`,
      `AND needs ${needed} epochs from zeros with η = 1: one fewer is not enough.`);
    expectSame(await ex.call('isLinearlySeparable', GATE_INPUTS, Y, needed), true, `isLinearlySeparable(AND, ${needed} epochs)`);
  });

  it('[03-perceptron-limits.product-feature.other] addProductFeature works on any rows, not only the truth table', async () => {
    const X = [[2, 3], [-1, 0.5], [0, 7], [-2, -2]];
    expectClose(await ex.call<number[][]>('addProductFeature', X), X.map(([a, c]) => [a, c, a * c]), {
      atol: 1e-12, what: `addProductFeature(${show(X)})`, hint: 'append x1·x2 to each row; do not hard-code the four XOR rows.',
    });
  });
});
