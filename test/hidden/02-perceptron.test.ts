// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 02 — hidden tests (lecturer only): random shapes, real data, several outputs, the budget.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { GATES, GATE_INPUTS, perceptronRule, trainPerceptronOracle } from '../support/oracles';
import { loadTable } from '../support/course-data';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame, property, show } from '../support/teach';

const ex = startedExercise('02-perceptron');

describe('exercise 02-perceptron (hidden): the perceptron rule', () => {
  it('[02-perceptron.epoch.inputs-unchanged] perceptronEpoch leaves w, b, X and Y as they were', async () => {
    const w = [[0], [0]];
    const b = [0];
    const Y = GATES.and.map((t) => [t]);
    const got = await ex.callWith({ returnArgs: true }, 'perceptronEpoch', w, b, GATE_INPUTS, Y, 1);
    expectObject(got.result, ['w', 'b', 'errors'], 'perceptronEpoch(...)');
    expectArgsUnchanged('perceptronEpoch', ['w', 'b', 'X', 'Y', 'eta'], [w, b, GATE_INPUTS, Y, 1], got.args,
      'start the epoch from copies of w and b.');
    expectFreshResult('perceptronEpoch', ['w', 'b', 'X', 'Y'], got.result, got.args, 'start the epoch from copies of w and b.');
  });

  it('[02-perceptron.update.random] the rule on random shapes (1–5 inputs, 1–3 outputs)', async () => {
    // Multiples of 1/4 and η ∈ {0.25, 0.5, 1}: exact arithmetic, so every prediction is well defined.
    const q = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);
    const caseArb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 })).chain(([n, m]) => fc.record({
      w: fc.array(fc.array(q, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      b: fc.array(q, { minLength: m, maxLength: m }),
      x: fc.array(q, { minLength: n, maxLength: n }),
      y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: m, maxLength: m }),
      eta: fc.constantFrom(0.25, 0.5, 1),
    }));
    await property(caseArb, async ({ w, b, x, y, eta }) => {
      const want = perceptronRule(w, b, x, y, eta);
      const got = expectObject(await ex.call('perceptronUpdate', w, b, x, y, eta), ['w', 'b'], 'perceptronUpdate');
      const what = `perceptronUpdate(w = ${show(w)}, b = ${show(b)}, x = ${show(x)}, y = ${show(y)}, η = ${eta})`;
      expectClose(got.w, want.w, { atol: 1e-12, what: `${what}: w`, hint: 'w_ij ← w_ij + η(y_j − ŷ_j)x_i for every i and j.' });
      expectClose(got.b, want.b, { atol: 1e-12, what: `${what}: b`, hint: 'b_j ← b_j + η(y_j − ŷ_j).' });
    }, { seed: 42, numRuns: 30 });
  });

  it('[02-perceptron.train.iris-setosa] Géron\'s example: setosa vs the rest from petal length and width', async () => {
    const iris = loadTable('iris');
    // Millimetres: whole numbers, so the rule's arithmetic is exact.
    const X = iris.X.map((r) => [Math.round(r[2] * 10), Math.round(r[3] * 10)]);
    const Y = iris.y.map((c) => [c === 0 ? 1 : 0]);
    const want = trainPerceptronOracle(X, Y, 1, 100);
    const got = expectObject(await ex.call('trainPerceptron', X, Y, 1, 100), ['w', 'b', 'errorsPerEpoch', 'converged'], 'trainPerceptron(iris)');
    expectSame(got.converged, want.converged, 'trainPerceptron on setosa vs rest: converged');
    expectSame(got.errorsPerEpoch, want.errorsPerEpoch, 'trainPerceptron on setosa vs rest: errorsPerEpoch');
    expectClose(got.w, want.w, { atol: 1e-9, what: 'trainPerceptron on setosa vs rest: w' });
    expectClose(got.b, want.b, { atol: 1e-9, what: 'trainPerceptron on setosa vs rest: b' });
  });

  it('[02-perceptron.train.multi-output] AND and OR learnt at once by a perceptron with two outputs', async () => {
    const Y = GATES.and.map((a, i) => [a, GATES.or[i]]);
    const want = trainPerceptronOracle(GATE_INPUTS, Y, 0.5, 50);
    const got = expectObject(await ex.call('trainPerceptron', GATE_INPUTS, Y, 0.5, 50), ['w', 'b', 'errorsPerEpoch', 'converged'], 'trainPerceptron');
    expectSame(got.errorsPerEpoch, want.errorsPerEpoch, 'trainPerceptron with 2 outputs: errorsPerEpoch',
      'a sample counts as one error when any of its outputs is wrong.');
    expectClose(got.w, want.w, { atol: 1e-12, what: 'trainPerceptron with 2 outputs: w [2 inputs × 2 outputs]' });
    expectClose(got.b, want.b, { atol: 1e-12, what: 'trainPerceptron with 2 outputs: b' });
  });

  it('[02-perceptron.train.budget-any] the budget is respected exactly, whatever it is', async () => {
    for (const epochs of [1, 7]) {
      const want = trainPerceptronOracle(GATE_INPUTS, GATES.xor.map((y) => [y]), 0.5, epochs);
      const got = expectObject(await ex.call('trainPerceptron', GATE_INPUTS, GATES.xor.map((y) => [y]), 0.5, epochs), ['errorsPerEpoch', 'converged'], 'trainPerceptron(XOR)');
      expectSame(got.errorsPerEpoch, want.errorsPerEpoch, `trainPerceptron on XOR with maxEpochs ${epochs}: errorsPerEpoch`);
      expectSame(got.converged, false, `trainPerceptron on XOR with maxEpochs ${epochs}: converged`);
    }
  });
});
