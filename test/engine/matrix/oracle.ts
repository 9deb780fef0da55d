/** Naive reference implementations and fast-check generators for the matrix tests. */
import fc from 'fast-check';

export const FC = { seed: 4242, numRuns: 100 };

/** A [rows×cols] matrix of numbers in [−10, 10]. */
export const matrixArb = (rows: number, cols: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }).map((v) => v + 0 /* no −0: JSON writes it as 0 */), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A random shape with sides in [min, max]. */
export const dimArb = (min = 1, max = 6) => fc.integer({ min, max });

/** The triple loop: C[i][j] = Σ_p A[i][p] B[p][j]. */
export function naiveMatmul(A: number[][], B: number[][], cols = B[0]?.length ?? 0): number[][] {
  const m = A.length;
  const k = B.length;
  const C: number[][] = [];
  for (let i = 0; i < m; i++) {
    C.push([]);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i][p] * B[p][j];
      C[i].push(s);
    }
  }
  return C;
}

export function naiveTranspose(A: number[][], cols = A[0]?.length ?? 0): number[][] {
  return Array.from({ length: cols }, (_, j) => A.map((r) => r[j]));
}

/** Expects two matrices to agree within an absolute tolerance scaled to the sizes of the numbers. */
export function expectClose(actual: number[][], expected: number[][], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => {
      if (Math.abs(v - expected[i][j]) > tol * Math.max(1, Math.abs(expected[i][j]))) {
        throw new Error(`element (${i}, ${j}): got ${v}, expected ${expected[i][j]}`);
      }
    });
  });
}
