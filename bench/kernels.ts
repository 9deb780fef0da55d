/**
 * Micro-benchmark of the matrix kernels on the shapes of the workloads (W3, W4): GFLOP/s of
 * each kernel set for gemm, gemmTN and gemmNT, in CPU time.  npx tsx bench/kernels.ts
 */
import { MatrixKernels, jsKernels } from '../src/engine/matrix/kernels';
import { kernelSets } from './contenders/kernels-flag';

const shapes: [string, 'gemm' | 'gemmTN' | 'gemmNT', number, number, number][] = [
  ['W4 forward X·W1', 'gemm', 64, 128, 784],
  ['W4 grad Xᵀ·δ', 'gemmTN', 784, 128, 64],
  ['W4 back δ·W1ᵀ', 'gemmNT', 64, 784, 128],
  ['W4 out H·W2', 'gemm', 64, 10, 128],
  ['W3 forward', 'gemm', 32, 64, 64],
  ['W3 grad', 'gemmTN', 64, 64, 32],
  ['W3 out', 'gemm', 32, 10, 64],
  ['W2 hidden', 'gemm', 32, 16, 16],
];

function time(k: MatrixKernels, op: 'gemm' | 'gemmTN' | 'gemmNT', m: number, n: number, kk: number): number {
  const a = new Float64Array(m * kk).map((_, i) => Math.sin(i));
  const b = new Float64Array(kk * n).map((_, i) => Math.cos(i));
  const c = new Float64Array(m * n);
  const flops = 2 * m * n * kk;
  const reps = Math.max(3, Math.round(2e8 / flops));
  for (let r = 0; r < reps; r++) k[op](m, n, kk, a, b, c, false);
  const t0 = process.cpuUsage(); // CPU time: robust when other work shares the machine
  for (let r = 0; r < reps; r++) k[op](m, n, kk, a, b, c, false);
  const u = process.cpuUsage(t0);
  return (flops * reps) / ((u.user + u.system) / 1e6) / 1e9;
}

const sets: MatrixKernels[] = [jsKernels, ...Object.values(kernelSets()).filter((k) => k !== jsKernels)];
console.log(['shape', ...sets.map((s) => s.name)].join('\t'));
for (const [name, op, m, n, k] of shapes) {
  console.log([`${name} ${op} ${m}×${n}×${k}`, ...sets.map((s) => time(s, op, m, n, k).toFixed(2))].join('\t'));
}
