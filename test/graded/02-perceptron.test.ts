/**
 * Exercise 02 — the perceptron rule (public tests).
 * All numbers are small integers or halves, so that the rule's arithmetic is exact and a
 * prediction never depends on rounding.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { Mistake, expectCloseDiagnosed } from '../support/diagnose';
import { GATES, GATE_INPUTS, clone, perceptronEpochOracle, perceptronOutput, perceptronRule, trainPerceptronOracle } from '../support/oracles';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame, fail, show } from '../support/teach';

const ex = startedExercise('02-perceptron');

const RULE_HINT = 'the rule adds η(y − ŷ)x to the weights: target minus prediction, times the rate, times the input.';
const BIAS_HINT = 'the bias is a weight whose input is always 1: b_j ← b_j + η(y_j − ŷ_j).';

interface Params { w: number[][]; b: number[] }

async function update(w: number[][], b: number[], x: number[], y: number[], eta: number): Promise<Params> {
  const got = expectObject(await ex.call('perceptronUpdate', w, b, x, y, eta), ['w', 'b'], 'perceptronUpdate(...)');
  return got as unknown as Params;
}

const truth = (gate: keyof typeof GATES) => GATES[gate].map((y) => [y]);

/** The usual slips in perceptronPredict, as the outputs they give. */
function predictMistakes(w: number[][], b: number[], x: number[]): Mistake[] {
  const z = (j: number, bias: number, weight: (i: number) => number) => x.reduce((s, xi, i) => s + xi * weight(i), bias);
  return [
    { hint: 'at z = 0 the unit must fire: the course\'s step(0) = 1, so test z >= 0, not z > 0.', value: b.map((bj, j) => (z(j, bj, (i) => w[i][j]) > 0 ? 1 : 0)) },
    { hint: 'the bias is missing: ŷ_j = step(Σ_i x_i·w[i][j] + b_j).', value: b.map((_, j) => (z(j, 0, (i) => w[i][j]) >= 0 ? 1 : 0)) },
    { hint: 'w is read transposed: w[i][j] connects input i to output j, so output j sums x_i·w[i][j] over i.', value: b.map((bj, j) => (z(j, bj, (i) => w[j]?.[i] ?? NaN) >= 0 ? 1 : 0)) },
  ];
}

/** The usual slips in perceptronUpdate, as the weights (or biases) they give. */
function updateMistakes(w: number[][], b: number[], x: number[], y: number[], eta: number, part: 'w' | 'b'): Mistake[] {
  const yHat = perceptronOutput(w, b, x);
  const err = y.map((yj, j) => yj - yHat[j]);
  const rule = (sign: number, rate: number, input: (i: number) => number) => (part === 'w'
    ? w.map((row, i) => row.map((wij, j) => wij + sign * rate * err[j] * input(i)))
    : b.map((bj, j) => bj + sign * rate * err[j]));
  return [
    { hint: 'the sign of the error term is flipped: the rule adds η(y − ŷ)x, target minus prediction; you wrote (ŷ − y).', value: rule(-1, eta, (i) => x[i]) },
    { hint: `η is missing: each step is η(y − ŷ)x, here with η = ${eta}.`, value: rule(1, 1, (i) => x[i]) },
    ...(part === 'w' ? [{ hint: 'x is missing: w_ij moves by η(y_j − ŷ_j)·x_i, so an input of 0 leaves its weight alone.', value: rule(1, eta, () => 1) }] : []),
    ...(part === 'b' ? [{ hint: 'the bias did not move: it is a weight whose input is always 1, b_j ← b_j + η(y_j − ŷ_j).', value: b }] : []),
  ];
}

describe('exercise 02-perceptron: the perceptron rule', () => {
  it('[02-perceptron.predict.step] perceptronPredict gives step(xW + b) for each output, firing at z = 0', async () => {
    const w = [[1, -1], [2, 0.5]];
    const b = [-3, 0.5];
    for (const x of [[1, 1], [0, 0], [2, 1], [1, 0]]) {
      expectCloseDiagnosed(await ex.call<number[]>('perceptronPredict', w, b, x), perceptronOutput(w, b, x), {
        atol: 0, rtol: 0, what: `perceptronPredict(w = ${show(w)}, b = ${show(b)}, x = ${show(x)})`, mistakes: predictMistakes(w, b, x),
        otherwise: 'ŷ_j = step(Σ_i x_i·w[i][j] + b_j), with step(0) = 1; w[i][j] connects input i to output j.',
      });
    }
  });

  it('[02-perceptron.update.sign] a missed 1 pulls the weights towards x, a false 1 pushes them away', async () => {
    // ŷ = step(−1) = 0 but y = 1: weights must grow by η·x.
    const w = [[0.5], [-1]];
    const b = [-0.5];
    const x = [1, 1];
    let got = await update(w, b, x, [1], 0.5);
    let want = perceptronRule(w, b, x, [1], 0.5);
    expectCloseDiagnosed(got.w, want.w, { atol: 1e-12, what: 'perceptronUpdate: w after a missed 1 (y = 1, ŷ = 0)', mistakes: updateMistakes(w, b, x, [1], 0.5, 'w'), otherwise: RULE_HINT });
    // ŷ = step(0.5) = 1 but y = 0: weights must shrink by η·x.
    const w2 = [[1], [0.5]];
    const x2 = [1, 0];
    got = await update(w2, [-0.5], x2, [0], 1);
    want = perceptronRule(w2, [-0.5], x2, [0], 1);
    expectCloseDiagnosed(got.w, want.w, { atol: 1e-12, what: 'perceptronUpdate: w after a false 1 (y = 0, ŷ = 1)', mistakes: updateMistakes(w2, [-0.5], x2, [0], 1, 'w'), otherwise: RULE_HINT });
  });

  it('[02-perceptron.update.bias] the bias moves by η(y − ŷ) too', async () => {
    const w = [[0.5], [-1]];
    const b = [-0.5];
    const got = await update(w, b, [1, 1], [1], 0.5);
    expectCloseDiagnosed(got.b, perceptronRule(w, b, [1, 1], [1], 0.5).b, { atol: 1e-12, what: 'perceptronUpdate: b after a missed 1', mistakes: updateMistakes(w, b, [1, 1], [1], 0.5, 'b'), otherwise: BIAS_HINT });
  });

  it('[02-perceptron.update.correct-unchanged] a correct prediction leaves weights and bias as they were', async () => {
    const w = [[1, -1], [1, 2]];
    const b = [-1.5, 0.5];
    const x = [1, 1];
    const y = perceptronOutput(w, b, x); // already right
    const got = await update(w, b, x, y, 1);
    expectClose(got.w, w, { atol: 0, what: 'perceptronUpdate: w when ŷ = y', hint: 'when y − ŷ = 0 nothing changes.' });
    expectClose(got.b, b, { atol: 0, what: 'perceptronUpdate: b when ŷ = y', hint: 'when y − ŷ = 0 nothing changes.' });
  });

  it('[02-perceptron.update.multi-output] with 3 inputs and 2 outputs every w_ij moves by η(y_j − ŷ_j)x_i', async () => {
    const w = [[0, 1], [1, -1], [-1, 0.5]];
    const b = [0, -1];
    const x = [1, 2, 1];
    const y = [0, 1]; // ŷ = [1, 0]: both outputs wrong, in opposite directions
    const got = await update(w, b, x, y, 0.5);
    const want = perceptronRule(w, b, x, y, 0.5);
    expectCloseDiagnosed(got.w, want.w, { atol: 1e-12, what: 'perceptronUpdate: w, shape [inputs × outputs]', mistakes: updateMistakes(w, b, x, y, 0.5, 'w'), otherwise: `${RULE_HINT} w[i][j] uses x_i and the error of output j.` });
    expectCloseDiagnosed(got.b, want.b, { atol: 1e-12, what: 'perceptronUpdate: b', mistakes: updateMistakes(w, b, x, y, 0.5, 'b'), otherwise: BIAS_HINT });
  });

  it('[02-perceptron.update.inputs-unchanged] perceptronUpdate returns new arrays and leaves w, b, x and y as they were', async () => {
    // ŷ = [step(−1), step(1)] = [0, 1] but y = [1, 0]: both outputs move, so an in-place update shows.
    const w = [[0.5, 1], [-1, 0]];
    const b = [-0.5, 0];
    const x = [1, 1];
    const y = [1, 0];
    const got = await ex.callWith({ returnArgs: true }, 'perceptronUpdate', w, b, x, y, 0.5);
    expectObject(got.result, ['w', 'b'], 'perceptronUpdate(...)');
    expectArgsUnchanged('perceptronUpdate', ['w', 'b', 'x', 'y', 'eta'], [w, b, x, y, 0.5], got.args,
      'copy first (w.map((row) => row.slice()), b.slice()) and change the copies; the caller may still need the old weights.');
    expectFreshResult('perceptronUpdate', ['w', 'b', 'x', 'y'], got.result, got.args, 'build the updated w and b as new arrays.');
  });

  it('[02-perceptron.epoch.and] one epoch over AND, in order, from zero weights', async () => {
    const w = [[0], [0]];
    const b = [0];
    const want = perceptronEpochOracle(clone(w), clone(b), GATE_INPUTS, truth('and'), 1);
    const got = expectObject(await ex.call('perceptronEpoch', w, b, GATE_INPUTS, truth('and'), 1), ['w', 'b', 'errors'], 'perceptronEpoch(...)');
    expectClose(got.errors, want.errors, { atol: 0, what: 'perceptronEpoch: errors (samples predicted wrongly before their update)', hint: 'count a sample when ŷ ≠ y, judged with the weights as they were just before that sample\'s update.' });
    expectClose(got.w, want.w, { atol: 1e-12, what: 'perceptronEpoch: w after the epoch', hint: 'apply the update after every sample, in order, each time with the newest weights.' });
    expectClose(got.b, want.b, { atol: 1e-12, what: 'perceptronEpoch: b after the epoch', hint: BIAS_HINT });
  });

  it('[02-perceptron.train.or] training on OR stops after the first error-free epoch', async () => {
    const want = trainPerceptronOracle(GATE_INPUTS, truth('or'), 1, 20);
    const got = expectObject(await ex.call('trainPerceptron', GATE_INPUTS, truth('or'), 1, 20), ['w', 'b', 'errorsPerEpoch', 'converged'], 'trainPerceptron(...)');
    expectSame(got.converged, true, 'trainPerceptron on OR: converged', 'OR is linearly separable: the rule must reach an epoch with 0 errors.');
    expectSame(got.errorsPerEpoch, want.errorsPerEpoch, 'trainPerceptron on OR: errorsPerEpoch',
      'start from zero weights and biases, run whole epochs, and stop right after the first epoch with 0 errors (that 0 is the last entry).');
    expectClose(got.w, want.w, { atol: 1e-12, what: 'trainPerceptron on OR: final w' });
    expectClose(got.b, want.b, { atol: 1e-12, what: 'trainPerceptron on OR: final b' });
  });

  it('[02-perceptron.train.budget] when no epoch is error-free, training stops after exactly maxEpochs epochs', async () => {
    // XOR (notebook 03 explains why): no epoch ever ends without an error.
    const got = expectObject(await ex.call('trainPerceptron', GATE_INPUTS, truth('xor'), 1, 30), ['errorsPerEpoch', 'converged'], 'trainPerceptron(XOR, maxEpochs 30)');
    expectSame(got.converged, false, 'trainPerceptron on XOR: converged', 'when the budget runs out before an error-free epoch, report converged: false.');
    const errors = got.errorsPerEpoch as number[];
    if (!Array.isArray(errors) || errors.length !== 30 || !errors.every((e) => e > 0)) {
      const n = Array.isArray(errors) ? errors.length : NaN;
      fail('trainPerceptron on XOR with maxEpochs 30: errorsPerEpoch', '30 epochs, each with at least one error', errors,
        n === 29 || n === 31 ? `${n} epochs: an off-by-one in the epoch loop (run epoch 0 to maxEpochs − 1, i.e. \`epoch < maxEpochs\`).` : 'run exactly maxEpochs epochs when none is error-free, and push each epoch\'s error count.');
    }
  });
});
