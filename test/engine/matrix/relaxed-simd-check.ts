/**
 * Run by kernels-fast.test.ts in a Node started with --experimental-wasm-relaxed-simd: loads
 * the WebAssembly kernels (which then pick the relaxed-SIMD build) and prints, as JSON, their
 * names and the largest error against jsKernels relative to Σ|a||b| on a few shapes.
 */
import { jsKernels, loadWasmKernels } from '../../../src/engine/matrix';

const out: { names: string[]; worst: number } = { names: [], worst: 0 };
for (const precision of ['float64', 'float32'] as const) {
  const k = loadWasmKernels(precision)!;
  out.names.push(k.name);
  if (precision === 'float32') continue;
  for (const [m, n, kk] of [[64, 128, 784], [33, 17, 41], [5, 130, 30]]) {
    for (const op of ['gemm', 'gemmTN', 'gemmNT'] as const) {
      const a = Float64Array.from({ length: m * kk }, (_, i) => Math.sin(i * 1.3));
      const b = Float64Array.from({ length: kk * n }, (_, i) => Math.cos(i * 0.7));
      const ref = new Float64Array(m * n);
      const got = new Float64Array(m * n);
      const scale = new Float64Array(m * n);
      jsKernels[op](m, n, kk, a, b, ref, false);
      jsKernels[op](m, n, kk, a.map(Math.abs), b.map(Math.abs), scale, false);
      k[op](m, n, kk, a, b, got, false);
      for (let i = 0; i < m * n; i++) out.worst = Math.max(out.worst, Math.abs(got[i] - ref[i]) / scale[i]);
    }
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
