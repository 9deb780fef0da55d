/**
 * Exercise 6 — backpropagation (public tests).
 * Every gradient is compared with central differences of the trusted loss, computed here.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { OracleNet, mulberry32, netNumericalGradients, oneHot, randomMatrix, randomNet } from '../support/oracles';
import { expectObject } from '../support/teach';

const ex = startedExercise('backprop');

const XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_Y = [[0], [1], [1], [0]];

const HINTS: Record<string, string> = {
  loss: 'run the forward pass first: the loss is the one the exercise names (MSE over all n·k entries, or cross-entropy averaged over n samples).',
  dW2: 'dW2 = Hᵀδ2 with H the hidden ACTIVATIONS (after φ), δ2 = ∂L/∂Z2.',
  db2: 'db2 sums δ2 over the samples (rows): every sample pushes the output bias.',
  dW1: 'δ1 = (δ2·W2ᵀ) ⊙ φ\'(Z1), then dW1 = Xᵀδ1: use the derivative of the HIDDEN activation, at Z1.',
  db1: 'db1 sums δ1 over the samples; do not forget it.',
};

/** Calls the student's gradient function and compares every part with numerical gradients. */
async function checkGradients(fn: string, net: OracleNet, X: number[][], Y: number[][], loss: 'mse' | 'softmaxCrossEntropy', label: string): Promise<void> {
  const want = netNumericalGradients(net, X, Y, loss);
  const got = expectObject(await ex.call(fn, net, X, Y), ['loss', 'dW1', 'db1', 'dW2', 'db2'], `${fn}(${label})`);
  for (const key of ['loss', 'dW2', 'db2', 'dW1', 'db1'] as const) {
    expectClose(got[key], want[key], { atol: 1e-6, rtol: 1e-4, what: `${fn}(${label}).${key}`, hint: HINTS[key] });
  }
}

describe('exercise 6: backpropagation', () => {
  it('[backprop.mse.xor] gradients of a 2-3-1 sigmoid network on XOR, MSE', async () => {
    const net = randomNet(mulberry32(1), 2, 3, 1, 'sigmoid');
    await checkGradients('backpropMse', net, XOR_X, XOR_Y, 'mse', '2-3-1 sigmoid net, XOR');
  });

  it('[backprop.mse.tanh-two-outputs] gradients of a 3-4-2 tanh network with two outputs, MSE', async () => {
    const rand = mulberry32(2);
    const net = randomNet(rand, 3, 4, 2, 'tanh');
    await checkGradients('backpropMse', net, randomMatrix(rand, 5, 3), randomMatrix(rand, 5, 2), 'mse', '3-4-2 tanh net');
  });

  it('[backprop.softmax-ce] gradients of a 4-5-3 tanh network, softmax + cross-entropy', async () => {
    const rand = mulberry32(3);
    const net = randomNet(rand, 4, 5, 3, 'tanh');
    const labels = [0, 2, 1, 2, 0, 1];
    await checkGradients('backpropSoftmaxCrossEntropy', net, randomMatrix(rand, 6, 4), oneHot(labels, 3), 'softmaxCrossEntropy', '4-5-3 tanh net, 3 classes');
  });

  it('[backprop.relu] gradients through a ReLU hidden layer', async () => {
    const rand = mulberry32(5);
    const net = randomNet(rand, 2, 4, 2, 'relu');
    // Inputs chosen so that no hidden pre-activation sits at the kink z = 0.
    await checkGradients('backpropSoftmaxCrossEntropy', net, [[1, -0.5], [0.3, 0.8], [-1, 0.2]], oneHot([1, 0, 1], 2), 'softmaxCrossEntropy', '2-4-2 relu net');
  });
});
