// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 7 — hidden tests (lecturer only): other shapes, a short last batch, near-symmetric networks.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { OracleNet, clone, mulberry32, randomMatrix, randomNet, stepOracle, trainOracle, unitsIdentical } from '../support/oracles';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame } from '../support/teach';

const ex = startedExercise('training');

function compareNets(got: unknown, want: OracleNet, what: string, atol: number, hint?: string): void {
  const net = expectObject(got, ['W1', 'b1', 'W2', 'b2', 'hidden'], what);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) expectClose(net[key], want[key], { atol, rtol: 1e-6, what: `${what}.${key}`, hint });
}

describe('exercise 7 (hidden): training', () => {
  it('[training.minibatch.inputs-unchanged] trainMiniBatch leaves the starting network, X and Y as they were', async () => {
    const net = randomNet(mulberry32(22), 2, 3, 1, 'tanh');
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const Y = [[0], [1], [1], [0]];
    const options = { eta: 0.3, epochs: 3, batchSize: 2 };
    const got = await ex.callWith({ returnArgs: true }, 'trainMiniBatch', net, X, Y, options);
    expectObject(got.result, ['net', 'losses'], 'trainMiniBatch(...)');
    expectArgsUnchanged('trainMiniBatch', ['net', 'X', 'Y', 'options'], [net, X, Y, options], got.args,
      'train a copy of the network (or let gradientStep return new ones); the caller keeps the starting network.');
    expectFreshResult('trainMiniBatch', ['net', 'X', 'Y'], got.result, got.args, 'the trained network is a new one.');
  });

  it('[training.step.random] gradientStep on a 4-5-3 network with random gradients and η = 0.37', async () => {
    const rand = mulberry32(21);
    const net = randomNet(rand, 4, 5, 3, 'relu');
    const g = randomNet(rand, 4, 5, 3, 'relu');
    const grads = { loss: 1, dW1: g.W1, db1: g.b1, dW2: g.W2, db2: g.b2 };
    compareNets(await ex.call('gradientStep', net, grads, 0.37), stepOracle(net, grads, 0.37), 'gradientStep(4-5-3 net)', 1e-12, 'θ ← θ − η·∂L/∂θ for every weight and bias, whatever the shapes.');
  });

  it('[training.minibatch.short-last-batch] 5 samples in batches of 2: the last batch has one sample', async () => {
    const rand = mulberry32(22);
    const net = randomNet(rand, 3, 3, 2, 'sigmoid');
    const X = randomMatrix(rand, 5, 3);
    const Y = randomMatrix(rand, 5, 2);
    const want = trainOracle(clone(net), X, Y, 0.3, 4, 2);
    const got = expectObject(await ex.call('trainMiniBatch', net, X, Y, { eta: 0.3, epochs: 4, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(5 samples, batchSize 2)');
    expectClose(got.losses, want.losses, { atol: 1e-8, rtol: 1e-6, what: 'trainMiniBatch losses with a short last batch', hint: 'batches are rows 0–1, 2–3 and 4: three steps per epoch, none skipped.' });
    compareNets(got.net, want.net, 'trainMiniBatch net with a short last batch', 1e-8, 'the last batch holds the remaining rows (here one): step on it too.');
  });

  it('[training.zeros.tanh-two-outputs] zero initialisation with tanh and two outputs keeps the units identical', async () => {
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const Y = [[0, 1], [1, 1], [1, 0], [0, 0]];
    const got = await ex.call('trainFromZeros', X, Y, 4, 'tanh', 0.3, 50);
    const zero = { W1: [[0, 0, 0, 0], [0, 0, 0, 0]], b1: [0, 0, 0, 0], W2: [[0, 0], [0, 0], [0, 0], [0, 0]], b2: [0, 0], hidden: 'tanh' as const };
    compareNets(got, trainOracle(zero, X, Y, 0.3, 50, 4).net, 'trainFromZeros(4 tanh units, 2 outputs)', 1e-7);
    expectSame(unitsIdentical(got as OracleNet), true, 'hidden units identical after zero initialisation (tanh)');
  });

  it('[training.symmetry.near] hiddenUnitsIdentical notices a difference of 1e-6 in any single weight', async () => {
    const base = { W1: [[0.3, 0.3, 0.3]], b1: [0.5, 0.5, 0.5], W2: [[2, 1], [2, 1], [2, 1]], b2: [0.1, 0], hidden: 'tanh' };
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
