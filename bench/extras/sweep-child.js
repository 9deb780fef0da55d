'use strict';
// One fresh process of the sweep measurement (bench/extras.ts): notebook 08's sweep
// (or `--epochs` more of it; `--data digits`: a W3-size sweep instead, 64-64-10 on the 1797 digits),
// trained twice in this process — cold, then warm — sequentially
// (`--mode seq`) or on every core (`--mode par`), with the engine loaded as the kernel loads it
// (the prebuilt CommonJS of kernel/prebuilt-src.js). Prints `BENCH_SWEEP {json}`.
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const mode = arg('mode', 'seq');
const epochs = Number(arg('epochs', '100'));
const which = arg('data', 'notebook08');

const prebuilt = require(path.join(root, 'kernel', 'prebuilt-src.js')).ensureBuild(root);
if (prebuilt.error) throw new Error(`prebuilt src: ${prebuilt.error}`);
const annlab = require(path.join(prebuilt.dir, 'src', 'index.js'));

// The sweep of notebooks/08-learning-rate.ipynb, or one of W3's size.
const data = which === 'digits' ? annlab.loadDigits() : annlab.playground('xor', { n: 200, noise: 0.1, seed: 1 });
const options = which === 'digits'
  ? { model: () => annlab.mlpClassifier({ inputs: 64, classes: 10, hidden: [64], activation: 'relu', seed: 1 }),
      X: data.X, y: data.y, learningRates: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], epochs, batchSize: 32, optimizer: 'sgd', seed: 1 }
  : { model: () => annlab.mlpClassifier({ inputs: 2, classes: 2, hidden: [8], activation: 'relu', seed: 1 }),
      X: data.X, y: data.y, learningRates: [0.0001, 0.001, 0.01, 0.1, 1, 10], epochs, batchSize: 10, optimizer: 'sgd', seed: 1, target: 0.1 };

/**
 * The most any split of whole runs over `threads` threads can gain, with each run's epochs as its
 * cost: all epochs / the longest thread's epochs, runs dealt longest first to the least loaded thread.
 */
function bestSpeedup(epochs, threads) {
  const load = new Array(threads).fill(0);
  for (const e of epochs.slice().sort((a, b) => b - a)) load[load.indexOf(Math.min(...load))] += e;
  return epochs.reduce((a, b) => a + b, 0) / Math.max(...load);
}

async function once() {
  const t0 = process.hrtime.bigint();
  const sweep = mode === 'par' ? await annlab.parallelLearningRateSweep(options) : annlab.learningRateSweep(options);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const fingerprint = JSON.stringify(sweep.runs.map((r) => [r.label, r.history.loss, r.history.accuracy, r.model.getParameters().map((p) => Array.from(p))]));
  const threads = require('os').availableParallelism ? require('os').availableParallelism() : require('os').cpus().length;
  const inWorkers = mode === 'par' ? annlab.sweepWorkerStats().runsInWorkers : 0;
  return { seconds, fingerprint, inWorkers, bound: bestSpeedup(sweep.runs.map((r) => r.history.epochs), threads) };
}

(async () => {
  const cold = await once();
  const warm = await once();
  // runs trained by workers in both sweeps (0 of 2 × runs: the parallel sweep ran everything here)
  const stats = mode === 'par' ? { ...annlab.sweepWorkerStats(), runsInWorkers: cold.inWorkers + warm.inWorkers, runs: 2 * options.learningRates.length } : null;
  // the estimate the parallel sweep decides on, and the work from which it uses workers (src/io/sweep-cost.ts)
  const cost = require(path.join(prebuilt.dir, 'src', 'io', 'sweep-cost.js'));
  const parameters = options.model().layers.reduce((s, l) => s + l.parameterCount, 0);
  const work = cost.sweepWork({ parameters, samples: options.X.length, epochs, batchSize: options.batchSize, runs: options.learningRates.length });
  const pays = { cold: cost.COLD_POOL_WORK, warm: cost.WARM_POOL_WORK };
  const crypto = require('crypto');
  const hash = crypto.createHash('sha256').update(cold.fingerprint).digest('hex').slice(0, 16);
  process.stdout.write(`BENCH_SWEEP ${JSON.stringify({ mode, epochs, cold: cold.seconds, warm: warm.seconds, bound: cold.bound, hash, same: cold.fingerprint === warm.fingerprint, stats, work, pays })}\n`);
  if (mode === 'par') await annlab.closeSweepWorkers();
})().catch((e) => {
  process.stdout.write(`BENCH_ERROR ${JSON.stringify(String(e && e.stack || e))}\n`);
  process.exitCode = 1;
});
