/**
 * Exercise 04 — the MLP: forward pass, backpropagation, training (public tests).
 * Every gradient is compared with central differences of the trusted loss, and the reference
 * trainer uses numerical gradients, so no expected value shares code with any solution.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { expectCloseDiagnosed } from '../support/diagnose';
import { backpropMseMistakes } from '../support/backprop-mistakes';
import { GATE_INPUTS, OracleNet, clone, denseOracle, mulberry32, netLoss, netNumericalGradients, randomMatrix, randomNet, randomVector, stepOracle, trainOracle, unitsIdentical } from '../support/oracles';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectSame, expectShape, fail, show } from '../support/teach';

const ex = startedExercise('04-mlp-backprop');

const XOR_X = GATE_INPUTS;
const XOR_Y = [[0], [1], [1], [0]];
const NET_KEYS = ['W1', 'b1', 'W2', 'b2'];

/** A random 2-layer network with a sigmoid hidden layer, as exercise 04 sends it (no `hidden` field). */
function sigmoidNet(rand: () => number, inputs: number, hidden: number, outputs: number): Omit<OracleNet, 'hidden'> {
  const { hidden: _sigmoid, ...net } = randomNet(rand, inputs, hidden, outputs, 'sigmoid');
  return net;
}
const oracle = (net: Omit<OracleNet, 'hidden'>): OracleNet => ({ ...clone(net), hidden: 'sigmoid' });

const SHAPE_HINT = 'X is [samples × inputs] and W is [inputs × units]: H = φ(XW + b) has one row per sample and one column per unit.';
const BIAS_HINT = 'add b_j to every row\'s column j before the activation (do not forget the bias).';

const GRAD_HINTS: Record<string, string> = {
  loss: 'run the forward pass first: Z1 = XW1 + b1, H = σ(Z1), Ŷ = HW2 + b2 (no output activation), then the MSE over all m·k entries.',
  dW2: 'dW2 = Hᵀδ2 with H the hidden ACTIVATIONS (after σ), δ2 = ∂L/∂Ŷ = 2(Ŷ − Y)/(m·k).',
  db2: 'db2 sums δ2 over the samples (rows): every sample pushes the output bias.',
  dW1: 'δ1 = (δ2·W2ᵀ) ⊙ σ\'(Z1), then dW1 = Xᵀδ1: σ\'(Z1) = H ⊙ (1 − H), from the hidden activations.',
  db1: 'db1 sums δ1 over the samples; do not forget it.',
};

/** The reference trainer with the usual slip of skipping a short last batch (losses only). */
function trainFullBatchesOnly(net: OracleNet, X: number[][], Y: number[][], eta: number, epochs: number, batchSize: number): number[] {
  let current = net;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let s = 0; s + batchSize <= X.length; s += batchSize) current = stepOracle(current, netNumericalGradients(current, X.slice(s, s + batchSize), Y.slice(s, s + batchSize), 'mse'), eta);
    losses.push(netLoss(current, X, Y, 'mse'));
  }
  return losses;
}

function compareNets(got: unknown, want: OracleNet, what: string, hint?: string, atol = 1e-9): void {
  const net = expectObject(got, NET_KEYS, what);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) expectClose(net[key], want[key], { atol, rtol: 1e-6, what: `${what}.${key}`, hint });
}

async function checkGradients(net: Omit<OracleNet, 'hidden'>, X: number[][], Y: number[][], label: string): Promise<void> {
  const want = netNumericalGradients(oracle(net), X, Y, 'mse');
  const got = expectObject(await ex.call('backpropMse', net, X, Y), ['loss', 'dW1', 'db1', 'dW2', 'db2'], `backpropMse(${label})`);
  const mistakes = backpropMseMistakes(net, X, Y);
  for (const key of ['loss', 'dW2', 'db2', 'dW1', 'db1'] as const) {
    expectCloseDiagnosed(got[key], want[key], { atol: 1e-6, rtol: 1e-4, what: `backpropMse(${label}).${key}`, mistakes: mistakes[key], otherwise: GRAD_HINTS[key] });
  }
}

describe('exercise 04-mlp-backprop: the forward pass', () => {
  it('[04-mlp-backprop.dense.identity] denseLayer with no activation is XW + b', async () => {
    const X = [[1, 2], [0, -1], [3, 0.5]];
    const W = [[1, 0, -1], [2, 1, 0.5]];
    const b = [0.5, -1, 2];
    const got = await ex.call<number[][]>('denseLayer', X, W, b, 'identity');
    expectShape(got, 3, 3, 'denseLayer(X [3×2], W [2×3], b [3])');
    expectCloseDiagnosed(got, denseOracle(X, W, b, 'identity'), {
      atol: 1e-12, what: 'denseLayer(X, W, b, \'identity\')', otherwise: SHAPE_HINT,
      mistakes: [{ hint: BIAS_HINT, value: denseOracle(X, W, b.map(() => 0), 'identity') }],
    });
  });

  it('[04-mlp-backprop.dense.sigmoid] denseLayer applies the sigmoid elementwise, after the bias', async () => {
    const rand = mulberry32(4);
    const X = randomMatrix(rand, 4, 3, -2, 2);
    const W = randomMatrix(rand, 3, 2, -1, 1);
    const b = randomVector(rand, 2);
    expectCloseDiagnosed(await ex.call<number[][]>('denseLayer', X, W, b, 'sigmoid'), denseOracle(X, W, b, 'sigmoid'), {
      atol: 1e-12, rtol: 1e-9, what: 'denseLayer(X, W, b, \'sigmoid\')', otherwise: `σ(XW + b), elementwise. ${SHAPE_HINT}`,
      mistakes: [
        { hint: 'the bias is added after σ: the layer is σ(XW + b), not σ(XW) + b.', value: denseOracle(X, W, b.map(() => 0), 'sigmoid').map((row) => row.map((v, j) => v + b[j])) },
        { hint: 'σ is missing: a \'sigmoid\' layer applies σ(z) = 1/(1 + e^(−z)) to every entry of XW + b.', value: denseOracle(X, W, b, 'identity') },
        { hint: BIAS_HINT, value: denseOracle(X, W, b.map(() => 0), 'sigmoid') },
      ],
    });
  });

  it('[04-mlp-backprop.mlp.two-layers] mlpForward feeds each layer\'s output to the next', async () => {
    const rand = mulberry32(7);
    const X = randomMatrix(rand, 5, 3, -1, 1);
    const layers = [
      { W: randomMatrix(rand, 3, 4), b: randomVector(rand, 4), activation: 'sigmoid' as const },
      { W: randomMatrix(rand, 4, 2), b: randomVector(rand, 2), activation: 'identity' as const },
    ];
    const want = denseOracle(denseOracle(X, layers[0].W, layers[0].b, 'sigmoid'), layers[1].W, layers[1].b, 'identity');
    const got = await ex.call<number[][]>('mlpForward', X, layers);
    expectShape(got, 5, 2, 'mlpForward(X [5×3], layers 3→4→2)');
    expectClose(got, want, { atol: 1e-12, rtol: 1e-9, what: 'mlpForward(X, [sigmoid 3→4, identity 4→2])', hint: 'H₁ = σ(XW₁ + b₁), then output = H₁W₂ + b₂: each layer takes the previous layer\'s activations, not X.' });
  });
});

describe('exercise 04-mlp-backprop: backpropagation', () => {
  it('[04-mlp-backprop.backprop.xor] gradients of a 2-3-1 network on XOR, MSE', async () => {
    await checkGradients(sigmoidNet(mulberry32(1), 2, 3, 1), XOR_X, XOR_Y, '2-3-1 net, XOR');
  });

  it('[04-mlp-backprop.backprop.two-outputs] gradients of a 3-4-2 network with two outputs, MSE over m·k entries', async () => {
    const rand = mulberry32(2);
    const net = sigmoidNet(rand, 3, 4, 2);
    await checkGradients(net, randomMatrix(rand, 5, 3), randomMatrix(rand, 5, 2), '3-4-2 net, 5 samples');
  });
});

describe('exercise 04-mlp-backprop: training', () => {
  it('[04-mlp-backprop.step.values] gradientStep moves every parameter by −η times its gradient', async () => {
    const net = sigmoidNet(mulberry32(10), 2, 3, 1);
    const grads = { loss: 0.3, dW1: [[0.1, -0.2, 0], [0.5, 0.25, -1]], db1: [1, 0, -0.5], dW2: [[0.2], [-0.4], [0.8]], db2: [-1] };
    const got = expectObject(await ex.call('gradientStep', net, grads, 0.1), NET_KEYS, 'gradientStep(net, grads, 0.1)');
    const want = stepOracle(oracle(net), grads, 0.1);
    const climbs = stepOracle(oracle(net), grads, -0.1);
    for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
      expectCloseDiagnosed(got[key], want[key], {
        atol: 1e-12, what: `gradientStep(net, grads, 0.1).${key}`, otherwise: 'θ ← θ − η·∂L/∂θ for every weight and bias.',
        mistakes: [
          { hint: 'the step climbs the loss: gradient DEScent subtracts, θ ← θ − η·∂L/∂θ.', value: climbs[key] },
          { hint: `${key} did not move: every parameter takes a step, the biases too.`, value: net[key] },
          { hint: 'η is missing: the step is η times the gradient.', value: stepOracle(oracle(net), grads, 1)[key] },
        ],
      });
    }
  });

  it('[04-mlp-backprop.step.inputs-unchanged] gradientStep returns a new network and leaves net and grads as they were', async () => {
    const net = sigmoidNet(mulberry32(11), 2, 3, 1);
    const grads = { loss: 0.5, dW1: [[0.2, -0.1, 0.3], [0, 0.4, -0.2]], db1: [0.1, -0.3, 0.2], dW2: [[0.5], [-0.5], [0.25]], db2: [0.3] };
    const got = await ex.callWith({ returnArgs: true }, 'gradientStep', net, grads, 0.1);
    expectObject(got.result, NET_KEYS, 'gradientStep(...)');
    expectArgsUnchanged('gradientStep', ['net', 'grads', 'eta'], [net, grads, 0.1], got.args,
      'build new arrays (net.W1.map((row, i) => row.map((w, j) => w − eta·grads.dW1[i][j]))) instead of writing into net.W1.');
    expectFreshResult('gradientStep', ['net', 'grads'], got.result, got.args, 'every parameter of the new network is a new array.');
  });

  it('[04-mlp-backprop.minibatch.trajectory] the first epochs of mini-batch descent follow the reference, batch by batch', async () => {
    const net = sigmoidNet(mulberry32(1), 2, 4, 1);
    const want = trainOracle(oracle(net), XOR_X, XOR_Y, 0.5, 5, 2);
    const got = expectObject(await ex.call('trainMiniBatch', net, XOR_X, XOR_Y, { eta: 0.5, epochs: 5, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(XOR, 5 epochs)');
    expectClose(got.losses, want.losses, {
      atol: 1e-8, rtol: 1e-6, what: 'trainMiniBatch: losses (MSE on all the data after each epoch)',
      hint: 'one step per batch of batchSize rows taken in order (rows 0–1, then 2–3), each step with the gradient of that batch\'s mean loss; record the loss on the whole data after each epoch.',
    });
    compareNets(got.net, want.net, 'trainMiniBatch: the network after 5 epochs', undefined, 1e-8);
  });

  it('[04-mlp-backprop.minibatch.short-last-batch] 5 samples in batches of 2: the last batch has one sample', async () => {
    const rand = mulberry32(22);
    const net = sigmoidNet(rand, 3, 3, 2);
    const X = randomMatrix(rand, 5, 3);
    const Y = randomMatrix(rand, 5, 2);
    const want = trainOracle(oracle(net), X, Y, 0.3, 4, 2);
    const got = expectObject(await ex.call('trainMiniBatch', net, X, Y, { eta: 0.3, epochs: 4, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(5 samples, batchSize 2)');
    expectCloseDiagnosed(got.losses, want.losses, {
      atol: 1e-8, rtol: 1e-6, what: 'trainMiniBatch losses with a short last batch', otherwise: 'batches are rows 0–1, 2–3 and 4: three steps per epoch, each on the mean loss of its own rows.',
      mistakes: [{ hint: 'the short last batch (row 4) is dropped: a loop `start + batchSize <= n` skips it; step on the remaining rows too.', value: trainFullBatchesOnly(oracle(net), X, Y, 0.3, 4, 2) }],
    });
    compareNets(got.net, want.net, 'trainMiniBatch net with a short last batch', 'the last batch holds the remaining rows (here one): step on it too, with the mean over its own size.', 1e-8);
  });

  it('[04-mlp-backprop.minibatch.learns] mini-batch descent learns XOR (loss below 0.001 after 200 epochs)', async () => {
    const net = sigmoidNet(mulberry32(1), 2, 4, 1);
    const got = expectObject(await ex.call('trainMiniBatch', net, XOR_X, XOR_Y, { eta: 0.5, epochs: 200, batchSize: 2 }), ['net', 'losses'], 'trainMiniBatch(XOR, 200 epochs)');
    const losses = got.losses as number[];
    if (!Array.isArray(losses) || losses.length !== 200) {
      const n = Array.isArray(losses) ? losses.length : NaN;
      fail('trainMiniBatch: losses', 'one loss per epoch: 200 numbers', losses, n === 199 || n === 201 ? `${n} losses: an off-by-one in the epoch loop (epoch < epochs) or a loss recorded before the first epoch.` : undefined);
    }
    // The loss is recomputed here from the returned network: the history alone proves nothing.
    const trained = expectObject(got.net, NET_KEYS, 'trainMiniBatch(...).net') as unknown as Omit<OracleNet, 'hidden'>;
    const loss = netLoss(oracle(trained), XOR_X, XOR_Y, 'mse');
    if (!(loss < 1e-3)) fail('the returned network\'s MSE on XOR after 200 epochs', '< 0.001', loss, 'check the step direction (θ − η·g) and that every batch of every epoch makes a step.');
  });

  it('[04-mlp-backprop.zeros.symmetric] from zero initialisation every hidden unit stays a copy of the others', async () => {
    const got = await ex.call('trainFromZeros', XOR_X, [[0], [0], [0], [1]], 3, 0.5, 100);
    const zero = { W1: [[0, 0, 0], [0, 0, 0]], b1: [0, 0, 0], W2: [[0], [0], [0]], b2: [0], hidden: 'sigmoid' as const };
    const want = trainOracle(zero, XOR_X, [[0], [0], [0], [1]], 0.5, 100, 4).net;
    compareNets(got, want, 'trainFromZeros(AND, 3 hidden units, η = 0.5, 100 epochs)', 'start with every weight and bias at 0 and take full-batch steps on the MSE.', 1e-7);
    expectSame(unitsIdentical({ ...(got as OracleNet), hidden: 'sigmoid' }), true, 'are the hidden units identical after training from zeros?',
      'with equal starting weights every hidden unit receives the same gradient, so they stay equal forever: symmetry is never broken.');
  });

  it('[04-mlp-backprop.symmetry.detect] hiddenUnitsIdentical tells a symmetric network from a random one', async () => {
    const symmetric = { W1: [[0.3, 0.3], [-1, -1]], b1: [0.5, 0.5], W2: [[2], [2]], b2: [0.1] };
    const random = sigmoidNet(mulberry32(3), 2, 2, 1);
    expectSame(await ex.call('hiddenUnitsIdentical', symmetric), true, `hiddenUnitsIdentical(${show(symmetric)})`);
    expectSame(await ex.call('hiddenUnitsIdentical', random), false, 'hiddenUnitsIdentical(a random network)', 'compare each hidden unit\'s column of W1, its bias and its row of W2 with the first unit\'s.');
  });
});
