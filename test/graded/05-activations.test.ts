/**
 * Exercise 05 — activation functions and their derivatives (public tests).
 * Values are checked against the formulas; derivatives against numerical derivatives of the
 * trusted functions (never against the student's own function).
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { act, numericalDerivative } from '../support/oracles';
import { show } from '../support/teach';

const ex = startedExercise('05-activations');

/** Points away from the kink at 0, where every derivative is defined. */
const GRID = [-4, -1.5, -0.3, 0.2, 1, 3.5];

async function checkValues(fn: string, f: (z: number) => number, hint: string, extraArgs: number[] = []): Promise<void> {
  for (const z of [...GRID, 0]) {
    expectClose(await ex.call<number>(fn, z, ...extraArgs), f(z), {
      atol: 1e-9, rtol: 1e-9, what: `${fn}(${[z, ...extraArgs].join(', ')})`, hint,
    });
  }
}

async function checkDerivative(fn: string, f: (z: number) => number, hint: string, extraArgs: number[] = []): Promise<void> {
  for (const z of GRID) {
    expectClose(await ex.call<number>(fn, z, ...extraArgs), numericalDerivative(f, z), {
      atol: 1e-6, rtol: 1e-5, what: `${fn}(${[z, ...extraArgs].join(', ')}) against the slope (f(z+h) − f(z−h))/2h`, hint,
    });
  }
}

const WRONG_FUNCTION = 'this is the derivative of the wrong function, or of the right one at the wrong point: ';

describe('exercise 05-activations: activation functions', () => {
  it('[05-activations.sigmoid.values] sigmoid(z) = 1/(1 + e^(−z))', () =>
    checkValues('sigmoid', act.sigmoid, 'σ(z) = 1 / (1 + Math.exp(−z)); σ(0) = 0.5.'));

  it('[05-activations.tanh.values] tanh(z) = (e^z − e^(−z))/(e^z + e^(−z))', () =>
    checkValues('tanh', act.tanh, 'tanh is odd (tanh(−z) = −tanh(z)) and lies in (−1, 1).'));

  it('[05-activations.relu.values] relu(z) = max(0, z) and leakyRelu(z) = max(0.1z, z)', async () => {
    await checkValues('relu', act.relu, 'ReLU passes positive z unchanged and gives 0 otherwise.');
    await checkValues('leakyRelu', act.leakyRelu, 'the course\'s leaky ReLU keeps a slope 0.1 for negative z: max(0.1z, z), so leakyRelu(−4) = −0.4.');
  });

  it('[05-activations.elu.values] elu(z, α) = z for z > 0, α(e^z − 1) otherwise', async () => {
    await checkValues('elu', (z) => act.elu(z, 1), 'for z ≤ 0 use α(e^z − 1), which tends to −α; the default α is 1.');
    await checkValues('elu', (z) => act.elu(z, 0.5), 'multiply (e^z − 1) by α.', [0.5]);
  });

  it('[05-activations.sigmoid.derivative] sigmoidDerivative(z) = σ(z)(1 − σ(z))', () =>
    checkDerivative('sigmoidDerivative', act.sigmoid, `${WRONG_FUNCTION}σ'(z) = σ(z)(1 − σ(z)) uses σ(z), not z itself; σ'(0) = 0.25.`));

  it('[05-activations.tanh.derivative] tanhDerivative(z) = 1 − tanh²(z)', () =>
    checkDerivative('tanhDerivative', act.tanh, `${WRONG_FUNCTION}tanh'(z) = 1 − tanh(z)², computed from tanh(z), not from z.`));

  it('[05-activations.relu.derivative] the ReLU family: slopes 1 and 0, 1 and 0.1', async () => {
    await checkDerivative('reluDerivative', act.relu, 'ReLU\'(z) = 1 for z > 0 and 0 for z < 0.');
    await checkDerivative('leakyReluDerivative', act.leakyRelu, 'leaky ReLU\'(z) = 1 for z > 0 and 0.1 for z < 0.');
  });

  it('[05-activations.elu.derivative] eluDerivative(z, α) = 1 for z > 0, α·e^z otherwise', async () => {
    await checkDerivative('eluDerivative', (z) => act.elu(z, 1), `${WRONG_FUNCTION}for z ≤ 0 the slope of α(e^z − 1) is α·e^z.`);
    await checkDerivative('eluDerivative', (z) => act.elu(z, 2), 'remember α in the slope: α·e^z.', [2]);
  });

  it('[05-activations.maxout] maxout takes the largest piece; its gradient flows only to that piece', async () => {
    for (const z of [[1, 3, -2], [-5, -1], [0.5], [2, 2.5, 2.4, -7], [-3, -3, -7]]) {
      const k = z.indexOf(Math.max(...z));
      const got = await ex.call<number>('maxout', z);
      expectClose(got, z[k], { atol: 0, what: `maxout(${show(z)})`, hint: got === 0 && z[k] < 0 ? 'every piece is negative here: start from the first piece, not from 0.' : 'the largest of the pieces z_1, …, z_k.' });
      const gradient = await ex.call<number[]>('maxoutGradient', z);
      const ties = z.filter((v) => v === z[k]).length > 1;
      expectClose(gradient, z.map((_, i) => (i === k ? 1 : 0)), {
        atol: 0, what: `maxoutGradient(${show(z)})`,
        hint: ties ? 'a tie: the gradient flows to one winner only, the first largest piece (1 there, 0 elsewhere, even for an equal piece).' : 'only the winning piece moves the output: 1 at the argmax, 0 elsewhere.',
      });
    }
  });

  it('[05-activations.sigmoid.large-z] sigmoid and its derivative stay finite for large |z|', async () => {
    // e^800 is ∞ in floating point: 1/(1 + e^800) is still 0, but e^800/(1 + e^800) is ∞/∞ = NaN.
    for (const [fn, z, want] of [['sigmoid', -800, 0], ['sigmoid', 800, 1], ['sigmoidDerivative', -800, 0], ['sigmoidDerivative', 800, 0]] as const) {
      const got = await ex.call<number>(fn, z);
      expectClose(got, want, {
        atol: 1e-12, what: `${fn}(${z})`,
        hint: Number.isNaN(got)
          ? 'NaN: e^(±800) overflowed to ∞ and the formula divided ∞ by ∞; for z < 0 write σ(z) = e^z / (1 + e^z), where e^z only underflows to 0.'
          : `σ(${z}) is ${want} to double precision; σ'(z) = σ(z)(1 − σ(z)).`,
      });
    }
  });
});
