'use strict';
// The break-even of src/io/sweep-cost.ts: one process's sweep (notebook 08's, or `--data digits` a
// W3-size one; `--epochs`), cold then warm, sequential (`--mode seq`) or parallel (`--mode par`), with
// each thread's own CPU time (Linux /proc/self/task/*/stat, 10 ms ticks). On idle cores each thread
// would take about its CPU time, so max(main thread, busiest other thread) estimates the parallel
// sweep's wall time on an idle machine from figures that other work on a busy one barely changes
// (`rest`: V8's helper threads). Run seq and par in turn a few times; compare the sequential main
// thread's CPU with the parallel `est`. Prints `SWEEP_THREADS {json}`.
const path = require('path'); const fs = require('fs');
const root = path.resolve(__dirname, '..', '..');
const prebuilt = require(path.join(root, 'kernel', 'prebuilt-src.js')).ensureBuild(root);
const annlab = require(path.join(prebuilt.dir, 'src', 'index.js'));
const arg = (n, f) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : f);
const which = arg('data', 'nb08'), epochs = Number(arg('epochs', '100')), mode = arg('mode', 'par');
const data = which === 'digits' ? annlab.loadDigits() : annlab.playground('xor', { n: 200, noise: 0.1, seed: 1 });
const options = which === 'digits'
  ? { model: () => annlab.mlpClassifier({ inputs: 64, classes: 10, hidden: [64], activation: 'relu', seed: 1 }), X: data.X, y: data.y, learningRates: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], epochs, batchSize: 32, optimizer: 'sgd', seed: 1 }
  : { model: () => annlab.mlpClassifier({ inputs: 2, classes: 2, hidden: [8], activation: 'relu', seed: 1 }), X: data.X, y: data.y, learningRates: [0.0001, 0.001, 0.01, 0.1, 1, 10], epochs, batchSize: 10, optimizer: 'sgd', seed: 1, target: 0.1 };
function tasks() {
  const out = {};
  for (const t of fs.readdirSync('/proc/self/task')) {
    try { const f = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' '); out[t] = (Number(f[11]) + Number(f[12])) / 100; } catch {}
  }
  return out;
}
async function once() {
  const a = tasks(); const t0 = process.hrtime.bigint();
  if (mode === 'par') await annlab.parallelLearningRateSweep(options); else annlab.learningRateSweep(options);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9; const b = tasks();
  const d = Object.keys(b).map((t) => ({ t, c: b[t] - (a[t] || 0) }));
  const main = d.find((x) => x.t === String(process.pid)).c;
  const others = d.filter((x) => x.t !== String(process.pid)).map((x) => x.c).sort((p, q) => q - p);
  return { wall, main, other: others[0] || 0, rest: others.slice(1).reduce((s, x) => s + x, 0), est: Math.max(main, others[0] || 0), inWorkers: mode === 'par' ? annlab.sweepWorkerStats().runsInWorkers : 0 };
}
(async () => { const cold = await once(); const warm = await once(); console.log('SWEEP_THREADS ' + JSON.stringify({ mode, which, epochs, cold, warm })); await annlab.closeSweepWorkers(); })();
