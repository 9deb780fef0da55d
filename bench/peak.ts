/**
 * The peak of scalar JavaScript on this core: eight independent multiply-add chains on
 * numbers held in registers (V8 emits scalar mul + add, no FMA, no SIMD), in GFLOP/s.
 * Printed as one `BENCH_PEAK {json}` line.
 */
function chains(iterations: number, c: number, d: number): number {
  let x0 = 0.1, x1 = 0.2, x2 = 0.3, x3 = 0.4, x4 = 0.5, x5 = 0.6, x6 = 0.7, x7 = 0.8;
  for (let i = 0; i < iterations; i++) {
    x0 = x0 * c + d; x1 = x1 * c + d; x2 = x2 * c + d; x3 = x3 * c + d;
    x4 = x4 * c + d; x5 = x5 * c + d; x6 = x6 * c + d; x7 = x7 * c + d;
  }
  return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7;
}

const iterations = 20_000_000;
let best = Infinity;
let sink = 0;
for (let r = 0; r < 7; r++) {
  const t0 = process.cpuUsage(); // CPU time: other work on the machine does not count
  sink += chains(iterations, 0.999999, 1e-7);
  const u = process.cpuUsage(t0);
  best = Math.min(best, (u.user + u.system) / 1e6);
}
const gflops = (iterations * 8 * 2) / best / 1e9;
process.stdout.write(`BENCH_PEAK ${JSON.stringify({ gflops, what: `scalar JS multiply-add, 8 chains (V8 ${process.versions.v8})`, sink: Number.isFinite(sink) })}\n`);
