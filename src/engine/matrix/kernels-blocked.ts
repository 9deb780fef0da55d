/**
 * Register-blocked matrix kernels in plain TypeScript: each pass of the inner loop loads four
 * numbers of A and four of B and updates a 4×4 block of C held in sixteen local variables, so
 * every number loaded is used four times (the i-k-j loop of {@link jsKernels} loads and stores
 * C on every multiply-add). About 2–3× faster on the shapes of the course; same results up to
 * rounding (each C[i][j] still sums its k products in order p = 0, 1, …).
 */
import type { MatrixKernels } from './kernels';

/**
 * C (+)= A·B with A(i, p) = a[i·ai + p·ap] and B(p, j) = b[p·bp + j·bj]: one loop for all
 * three products, which differ only in how A and B are laid out.
 */
function blocked(
  m: number, n: number, k: number,
  a: Float64Array, ai: number, ap: number,
  b: Float64Array, bp: number, bj: number,
  c: Float64Array, accumulate: boolean,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * ai;
    const a1 = a0 + ai;
    const a2 = a1 + ai;
    const a3 = a2 + ai;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = 0;
      let pb = j * bj;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + pa], x1 = a[a1 + pa], x2 = a[a2 + pa], x3 = a[a3 + pa];
        const y0 = b[pb], y1 = b[pb + bj], y2 = b[pb + 2 * bj], y3 = b[pb + 3 * bj];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        pa += ap;
        pb += bp;
      }
      let o = i * n + j;
      if (accumulate) {
        c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += n;
        c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += n;
        c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += n;
        c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
      } else {
        c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
        c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
        c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
        c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
      }
    }
    // The last n mod 4 columns of these four rows.
    for (let j = n4; j < n; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let pa = 0;
      let pb = j * bj;
      for (let p = 0; p < k; p++) {
        const y = b[pb];
        s0 += a[a0 + pa] * y; s1 += a[a1 + pa] * y; s2 += a[a2 + pa] * y; s3 += a[a3 + pa] * y;
        pa += ap;
        pb += bp;
      }
      const o = i * n + j;
      if (accumulate) {
        c[o] += s0; c[o + n] += s1; c[o + 2 * n] += s2; c[o + 3 * n] += s3;
      } else {
        c[o] = s0; c[o + n] = s1; c[o + 2 * n] = s2; c[o + 3 * n] = s3;
      }
    }
  }
  // The last m mod 4 rows, four columns at a time.
  for (let i = m4; i < m; i++) {
    const a0 = i * ai;
    for (let j = 0; j < n; j += 4) {
      const w = Math.min(4, n - j);
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let pa = a0;
      let pb = j * bj;
      if (w === 4) {
        for (let p = 0; p < k; p++) {
          const x = a[pa];
          s0 += x * b[pb]; s1 += x * b[pb + bj]; s2 += x * b[pb + 2 * bj]; s3 += x * b[pb + 3 * bj];
          pa += ap;
          pb += bp;
        }
      } else {
        for (let p = 0; p < k; p++) {
          const x = a[pa];
          s0 += x * b[pb];
          if (w > 1) s1 += x * b[pb + bj];
          if (w > 2) s2 += x * b[pb + 2 * bj];
          pa += ap;
          pb += bp;
        }
      }
      const o = i * n + j;
      if (!accumulate) {
        c[o] = 0;
        if (w > 1) c[o + 1] = 0;
        if (w > 2) c[o + 2] = 0;
        if (w > 3) c[o + 3] = 0;
      }
      c[o] += s0;
      if (w > 1) c[o + 1] += s1;
      if (w > 2) c[o + 2] += s2;
      if (w > 3) c[o + 3] += s3;
    }
  }
}

/** The 4×4 register-blocked kernels (pure TypeScript). */
export const blockedKernels: MatrixKernels = {
  name: 'blocked',
  // A [m×k]: A(i,p) = a[i·k + p]; B [k×n]: B(p,j) = b[p·n + j].
  gemm: (m, n, k, a, b, c, accumulate) => blocked(m, n, k, a, k, 1, b, n, 1, c, accumulate),
  // A stored [k×m]: A(i,p) = a[p·m + i].
  gemmTN: (m, n, k, a, b, c, accumulate) => blocked(m, n, k, a, 1, m, b, n, 1, c, accumulate),
  // B stored [n×k]: B(p,j) = b[j·k + p].
  gemmNT: (m, n, k, a, b, c, accumulate) => blocked(m, n, k, a, k, 1, b, 1, k, c, accumulate),
};
