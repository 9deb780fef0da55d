/**
 * Exercise 7 — training (public tests).
 * The reference trainer here uses numerical gradients, so it shares no code with any solution.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { OracleNet, clone, mulberry32, netLoss, randomNet, stepOracle, trainOracle, unitsIdentical } from '../support/oracles';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame, fail, show } from '../support/teach';

const ex = startedExercise('training');

const XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_Y = [[0], [1], [1], [0]];
const NET_KEYS = ['W1', 'b1', 'W2', 'b2', 'hidden'];

function compareNets(got: unknown, want: OracleNet, what: string, hint?: string, atol = 1e-9): void {
  const net = expectObject(got, NET_KEYS, what);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) expectClose(net[key], want[key], { atol, rtol: 1e-6, what: `${what}.${key}`, hint });
}

describe('exercise 7: training', () => {
  it('[training.step.values] gradientStep moves every parameter by −η times its gradient', async () => {
    const net = randomNet(mulberry32(10), 2, 3, 1, 'tanh');
    const grads = { loss: 0.3, dW1: [[0.1, -0.2, 0], [0.5, 0.25, -1]], db1: [1, 0, -0.5], dW2: [[0.2], [-0.4], [0.8]], db2: [-1] };
    compareNets(await ex.call('gradientStep', net, grads, 0.1), stepOracle(net, grads, 0.1), 'gradientStep(net, grads, 0.1)',
      'gradient DEScent goes downhill: θ ← θ − η·∂L/∂θ (a + here climbs the loss). Update the biases too.', 1e-12);
  });

  it('[training.step.inputs-unchanged] gradientStep returns a new network and leaves net and grads as they were', async () => {
    const net = randomNet(mulberry32(11), 2, 3, 1, 'sigmoid');
    const grads = { loss: 0.5, dW1: [[0.2, -0.1, 0.3], [0, 0.4, -0.2]], db1: [0.1, -0.3, 0.2], dW2: [[0.5], [-0.5], [0.25]], db2: [0.3] };
    const got = await ex.callWith({ returnArgs: true }, 'gradientStep', net, grads, 0.1);
    expectObject(got.result, NET_KEYS, 'gradientStep(...)');
    expectArgsUnchanged('gradientStep', ['net', 'grads', 'eta'], [net, grads, 0.1], got.args,
      'build new arrays (net.W1.map((row, i) => row.map((w, j) => w − eta·grads.dW1[i][j]))) instead of writing into net.W1.');
    expectFreshResult('gradientStep', ['net', 'grads'], got.result, got.args, 'every parameter of the new network is a new array.');
  });

  it('[training.xor.trajectory] the first epochs of mini-batch descent follow the reference, batch by batch', async () => {
    const net = randomNet(mulberry32(1), 2, 4, 1, 'tanh');
    const want = trainOracle(clone(net), XOR_X, XOR_Y, 0.2, 5, 2);
    const got = expectObject(await ex.call('trainMiniBatch', net, XOR_X, XOR_Y, { eta: 0.2, epochs: 5, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(XOR, 5 epochs)');
    expectClose(got.losses, want.losses, {
      atol: 1e-8, rtol: 1e-6, what: 'trainMiniBatch: losses (MSE on all the data after each epoch)',
      hint: 'one step per batch of batchSize rows taken in order (rows 0–1, then 2–3), each step with the gradient of that batch\'s mean loss; record the loss on the whole data after each epoch.',
    });
    compareNets(got.net, want.net, 'trainMiniBatch: the network after 5 epochs', undefined, 1e-8);
  });

  it('[training.xor.learns] mini-batch descent learns XOR (loss below 0.001 after 200 epochs)', async () => {
    const net = randomNet(mulberry32(2), 2, 4, 1, 'tanh');
    const got = expectObject(await ex.call('trainMiniBatch', net, XOR_X, XOR_Y, { eta: 0.2, epochs: 200, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(XOR, 200 epochs)');
    const losses = got.losses as number[];
    if (!Array.isArray(losses) || losses.length !== 200) fail('trainMiniBatch: losses', 'one loss per epoch: 200 numbers', losses);
    // The loss is recomputed here from the returned network: the history alone proves nothing.
    const trained = expectObject(got.net, NET_KEYS, 'trainMiniBatch(...).net') as unknown as OracleNet;
    const loss = netLoss(trained, XOR_X, XOR_Y, 'mse');
    if (!(loss < 1e-3)) fail('the returned network\'s MSE on XOR after 200 epochs', '< 0.001', loss, 'check the step direction (θ − η·g) and that every batch of every epoch makes a step.');
  });

  it('[training.zeros.symmetric] from zero initialisation every hidden unit stays a copy of the others', async () => {
    const got = await ex.call('trainFromZeros', XOR_X, XOR_Y, 3, 'sigmoid', 0.5, 100);
    const zero = { W1: [[0, 0, 0], [0, 0, 0]], b1: [0, 0, 0], W2: [[0], [0], [0]], b2: [0], hidden: 'sigmoid' as const };
    const want = trainOracle(zero, XOR_X, XOR_Y, 0.5, 100, 4).net;
    compareNets(got, want, 'trainFromZeros(XOR, 3 sigmoid units, η = 0.5, 100 epochs)', 'start with every weight and bias at 0 and take full-batch steps on the MSE.', 1e-7);
    expectSame(unitsIdentical(got as OracleNet), true, 'are the hidden units identical after training from zeros?',
      'with equal starting weights every hidden unit receives the same gradient, so they stay equal forever: symmetry is never broken.');
  });

  it('[training.symmetry.detect] hiddenUnitsIdentical tells a symmetric network from a random one', async () => {
    const symmetric = { W1: [[0.3, 0.3], [-1, -1]], b1: [0.5, 0.5], W2: [[2], [2]], b2: [0.1], hidden: 'tanh' };
    const random = randomNet(mulberry32(3), 2, 2, 1, 'tanh');
    expectSame(await ex.call('hiddenUnitsIdentical', symmetric), true, `hiddenUnitsIdentical(${show(symmetric)})`);
    expectSame(await ex.call('hiddenUnitsIdentical', random), false, 'hiddenUnitsIdentical(a random network)', 'compare each hidden unit\'s column of W1, its bias and its row of W2 with the first unit\'s.');
  });
});
