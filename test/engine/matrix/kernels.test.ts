import fc from 'fast-check';
import { jsKernels, getKernels, setKernels, matmul, MatrixKernels, defaultKernels } from '../../../src';
import { FC, dimArb, matrixArb, naiveMatmul, naiveTranspose, expectClose } from './oracle';

const flat = (A: number[][]) => Float64Array.from(A.flat());
const unflat = (c: Float64Array, m: number, n: number) => Array.from({ length: m }, (_, i) => Array.from(c.subarray(i * n, (i + 1) * n)));

/** Shapes m, k, n (0 allowed) with A [m×k], B [k×n] and a starting C [m×n]. */
const problem = fc.tuple(dimArb(0, 5), dimArb(0, 5), dimArb(0, 5)).chain(([m, k, n]) =>
  fc.record({ m: fc.constant(m), k: fc.constant(k), n: fc.constant(n), A: matrixArb(m, k), B: matrixArb(k, n), C0: matrixArb(m, n) }));

describe.each([true, false])('jsKernels with accumulate = %s', (accumulate) => {
  const expected = (C0: number[][], P: number[][]) => (accumulate ? C0.map((r, i) => r.map((v, j) => v + P[i][j])) : P);

  it('gemm computes C (+)= A·B like the triple loop', () => {
    fc.assert(fc.property(problem, ({ m, k, n, A, B, C0 }) => {
      const c = flat(C0);
      jsKernels.gemm(m, n, k, flat(A), flat(B), c, accumulate);
      expectClose(unflat(c, m, n), expected(C0, naiveMatmul(A, B, n)));
    }), FC);
  });

  it('gemmTN computes C (+)= Aᵀ·B with A stored as [k×m]', () => {
    fc.assert(fc.property(problem, ({ m, k, n, A, B, C0 }) => {
      const At = naiveTranspose(A, k); // stored [k×m]
      const c = flat(C0);
      jsKernels.gemmTN(m, n, k, flat(At), flat(B), c, accumulate);
      expectClose(unflat(c, m, n), expected(C0, naiveMatmul(A, B, n)));
    }), FC);
  });

  it('gemmNT computes C (+)= A·Bᵀ with B stored as [n×k]', () => {
    fc.assert(fc.property(problem, ({ m, k, n, A, B, C0 }) => {
      const Bt = naiveTranspose(B, n); // stored [n×k]
      const c = flat(C0);
      jsKernels.gemmNT(m, n, k, flat(A), flat(Bt), c, accumulate);
      expectClose(unflat(c, m, n), expected(C0, naiveMatmul(A, B, n)));
    }), FC);
  });
});

describe('kernel swapping', () => {
  it('setKernels replaces the kernels that matmul uses and returns the previous ones', () => {
    const calls: string[] = [];
    const spy: MatrixKernels = { ...jsKernels, name: 'spy', gemm: (...args) => { calls.push('gemm'); jsKernels.gemm(...args); } };
    const before = getKernels();
    const previous = setKernels(spy);
    try {
      expect(previous).toBe(before);
      expect(getKernels().name).toBe('spy');
      expect(matmul([[1, 2]], [[3], [4]]).toArray()).toEqual([[11]]);
      expect(calls).toEqual(['gemm']);
    } finally {
      setKernels(previous);
    }
    expect(getKernels()).toBe(before);
  });

  it('uses the fastest kernels that load by default (WebAssembly SIMD in Node), not the plain js ones', () => {
    expect(getKernels()).toBe(defaultKernels);
    expect(getKernels().name).toMatch(/^wasm-simd(-fma)?$/); // -fma where the engine has relaxed SIMD
  });
});
