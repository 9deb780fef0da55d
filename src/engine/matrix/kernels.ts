/**
 * The raw matrix-multiply kernels behind every matrix product of the engine. Layers call
 * these on preallocated Float64Arrays; a faster implementation (e.g. WebAssembly SIMD) can be
 * swapped in with {@link setKernels} without touching the layers.
 *
 * All matrices are row-major. Shapes: C is [m×n]; the inner size is k.
 */
import { InputError, describeValue } from '../errors';
import { blockedKernels } from './kernels-blocked';
import { loadWasmKernels } from './kernels-wasm';

/** One implementation of the three products that forward and backward passes need. */
export interface MatrixKernels {
  /** A short name for reports, e.g. 'js'. */
  readonly name: string;
  /** C = A·B (C += A·B when `accumulate`): A [m×k], B [k×n]. */
  gemm(m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, accumulate: boolean): void;
  /** C = Aᵀ·B (C += …): A stored as [k×m], B [k×n]. Used for weight gradients Xᵀ·δ. */
  gemmTN(m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, accumulate: boolean): void;
  /** C = A·Bᵀ (C += …): A [m×k], B stored as [n×k]. Used to send δ back through W: δ·Wᵀ. */
  gemmNT(m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, accumulate: boolean): void;
}

/** Plain TypeScript kernels: the reference that every faster kernel is tested against. */
export const jsKernels: MatrixKernels = {
  name: 'js',
  gemm(m, n, k, a, b, c, accumulate) {
    if (!accumulate) c.fill(0, 0, m * n);
    // i-k-j order: the inner loop runs along contiguous rows of B and C.
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      const ai = i * k;
      for (let p = 0; p < k; p++) {
        const aip = a[ai + p];
        if (aip === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
  },
  gemmTN(m, n, k, a, b, c, accumulate) {
    if (!accumulate) c.fill(0, 0, m * n);
    for (let p = 0; p < k; p++) {
      const ap = p * m;
      const bp = p * n;
      for (let i = 0; i < m; i++) {
        const api = a[ap + i];
        if (api === 0) continue;
        const ci = i * n;
        for (let j = 0; j < n; j++) c[ci + j] += api * b[bp + j];
      }
    }
  },
  gemmNT(m, n, k, a, b, c, accumulate) {
    for (let i = 0; i < m; i++) {
      const ai = i * k;
      const ci = i * n;
      for (let j = 0; j < n; j++) {
        const bj = j * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
        c[ci + j] = accumulate ? c[ci + j] + s : s;
      }
    }
  },
};

/**
 * The kernels annlab starts with: WebAssembly SIMD where the engine supports it, else the
 * register-blocked TypeScript ones (both are tested against {@link jsKernels}). To compute
 * with the plain reference loops instead: `setKernels(jsKernels)`.
 */
export const defaultKernels: MatrixKernels = loadWasmKernels() ?? blockedKernels;

let active: MatrixKernels = defaultKernels;

/** The kernels in use now. */
export function getKernels(): MatrixKernels {
  return active;
}

/** Replaces the kernels used by every matrix product; returns the previous ones. */
export function setKernels(kernels: MatrixKernels): MatrixKernels {
  const k = kernels as unknown as Record<string, unknown> | null;
  if (typeof k !== 'object' || k === null || typeof k.name !== 'string' || !['gemm', 'gemmTN', 'gemmNT'].every((f) => typeof k[f] === 'function')) {
    throw new InputError(`setKernels: expected kernels { name, gemm, gemmTN, gemmNT } such as jsKernels, got ${describeValue(kernels)}`);
  }
  const previous = active;
  active = kernels;
  return previous;
}
