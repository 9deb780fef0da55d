/**
 * The training loop's activation kernels compute each activation's own formula: every kernel is
 * checked element by element against the activation's f and f′ (softmax against softmax() and
 * its Jacobian), to 1e-12, so a formula changed in one place and not the other fails here.
 */
import fc from 'fast-check';
import { activationKernel } from '../../../src/engine/mlp/activation-kernels';
import { Activation, activations, leakyRelu, elu, softmaxActivation, softmax, softmaxJacobian } from '../../../src/engine/activations';

const close = (got: number, want: number): boolean => got === want || Math.abs(got - want) <= 1e-12 * (1 + Math.abs(want));

/** Pre-activations: ordinary values, both zeros, and values large enough to saturate. */
const zs = fc.array(fc.oneof(fc.double({ min: -40, max: 40, noNaN: true }), fc.constantFrom(0, -0, 1e-300, -1e-300, 700, -700)), { minLength: 1, maxLength: 40 });

const elementwise: [string, Activation][] = [
  ...Object.entries(activations),
  ['leakyRelu(0.3)', leakyRelu(0.3)],
  ['elu(0.5)', elu(0.5)],
];

describe('activation kernels against the activations they stand for', () => {
  it.each(elementwise)('%s: forward is f(z) and backward is dA·f′(z), element by element', (_, act) => {
    const kernel = activationKernel(act);
    fc.assert(
      fc.property(zs, (list) => {
        const n = list.length;
        const z = Float64Array.from(list);
        const a = new Float64Array(n);
        kernel.forward(z, a, 1, n);
        const dA = Float64Array.from(list, (_, k) => ((k % 7) - 3) / 2);
        const dZ = new Float64Array(n);
        kernel.backward(z, a, dA, dZ, 1, n);
        for (let k = 0; k < n; k++) {
          if (!close(a[k], act.f(z[k]))) return false;
          if (!close(dZ[k], dA[k] * act.df(z[k]))) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('softmax: forward is softmax() of each row and backward is the row times its Jacobian', () => {
    const kernel = activationKernel(softmaxActivation);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 24, maxLength: 24 }), (rows, cols, pool) => {
        const z = Float64Array.from(pool.slice(0, rows * cols));
        const a = new Float64Array(rows * cols);
        kernel.forward(z, a, rows, cols);
        const dA = Float64Array.from(z, (v, k) => Math.sin(k + v));
        const dZ = new Float64Array(rows * cols);
        kernel.backward(z, a, dA, dZ, rows, cols);
        for (let i = 0; i < rows; i++) {
          const row = Array.from(z.subarray(i * cols, (i + 1) * cols));
          const p = softmax(row);
          const J = softmaxJacobian(row); // J[j][k] = ∂ŷ_j/∂z_k
          for (let k = 0; k < cols; k++) {
            if (!close(a[i * cols + k], p[k])) return false;
            let g = 0;
            for (let j = 0; j < cols; j++) g += dA[i * cols + j] * J[j][k];
            if (!close(dZ[i * cols + k], g)) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
