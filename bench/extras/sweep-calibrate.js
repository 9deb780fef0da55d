'use strict';
// Measures the constants of src/io/sweep-cost.ts on this machine, in CPU time (process CPU time
// counts every thread, and other work on a busy machine inflates it far less than wall time).
// Loads the engine as the kernel does (the prebuilt CommonJS of kernel/prebuilt-src.js), then for
// notebook 08's sweep at ten times its epochs (2-8-1 on 200 points, batch 10, 1000 epochs) and a
// W3-size sweep (64-64-10 on the 1797 digits, batch 32, 20 epochs): sweeps of the size where the choice
// is made (0.2–0.4 s), long enough for V8 to reach its steady speed, each of six rates:
//   - the sequential sweep, twice: cold (first in the process) and warm;
//   - one worker thread started and loaded (`start`), then the six runs sent to it twice:
//     a fresh worker's first round (`workerCold`) and its second (`workerWarm`).
// Prints `SWEEP_CALIBRATION {json}` with the per-step and per-unit costs fitted to the two warm
// sequential sweeps. Run it a few times on a quiet machine: `node bench/extras/sweep-calibrate.js`.
const path = require('path');
const { Worker } = require('worker_threads');
const root = path.resolve(__dirname, '..', '..');
const prebuilt = require(path.join(root, 'kernel', 'prebuilt-src.js')).ensureBuild(root);
if (prebuilt.error) throw new Error(`prebuilt src: ${prebuilt.error}`);
const dir = path.join(prebuilt.dir, 'src');
const annlab = require(path.join(dir, 'index.js'));
const diag = require(path.join(dir, 'engine', 'diagnostics', 'index.js'));

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

function sweepOf(which) {
  if (which === 'nb08') {
    const data = annlab.playground('xor', { n: 200, noise: 0.1, seed: 1 });
    return { model: () => annlab.mlpClassifier({ inputs: 2, classes: 2, hidden: [8], activation: 'relu', seed: 1 }), X: data.X, y: data.y,
      learningRates: [0.0001, 0.001, 0.01, 0.1, 1, 10], epochs: 1000, batchSize: 10, optimizer: 'sgd', seed: 1, target: 0.1 };
  }
  const d = annlab.loadDigits();
  return { model: () => annlab.mlpClassifier({ inputs: 64, classes: 10, hidden: [64], activation: 'relu', seed: 1 }), X: d.X, y: d.y,
    learningRates: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], epochs: 20, batchSize: 32, optimizer: 'sgd', seed: 1 };
}

const WORKER_CODE = `
const { parentPort, workerData } = require('worker_threads');
const { runSweepJob } = require(workerData.engine);
parentPort.on('message', (job) => parentPort.postMessage(runSweepJob(job)));
parentPort.postMessage('ready');`;

async function measure(which) {
  const o = sweepOf(which);
  const plan = diag.planSweep(o);
  const X = diag.toPortable(o.X), y = diag.toPortable(o.y);
  const n = Array.isArray(X) ? X.length : X.rows;
  const parameters = plan.fresh().layers.reduce((s, l) => s + l.parameterCount, 0);
  const runs = plan.learningRates.length;
  const units = parameters * n * o.epochs * runs;
  const steps = Math.ceil(n / Math.min(o.batchSize, n)) * o.epochs * runs;
  const jobs = plan.learningRates.map((learningRate) => ({ model: plan.fresh().toJSON(), X, y, learningRate, shared: plan.shared }));
  const timed = async (f) => { const c = cpu(); await f(); return cpu() - c; };
  const seqCold = await timed(() => jobs.forEach((j) => diag.runSweepJob(j)));
  const seqWarm = await timed(() => jobs.forEach((j) => diag.runSweepJob(j)));
  let reply;
  const w = new Worker(WORKER_CODE, { eval: true, workerData: { engine: path.join(dir, 'engine', 'diagnostics', 'sweep-job.js') } });
  w.on('message', (m) => reply(m));
  const next = () => new Promise((resolve) => (reply = resolve));
  const start = await timed(() => next());
  const round = () => timed(async () => { for (const j of jobs) { const p = next(); w.postMessage(j); await p; } });
  const workerCold = await round();
  const workerWarm = await round();
  await w.terminate();
  return { which, parameters, samples: n, units, steps, seqCold, seqWarm, start, workerCold, workerWarm };
}

(async () => {
  const a = await measure('nb08');
  const b = await measure('w3');
  // seqWarm = perStep·steps + perUnit·units, solved for the two sweeps
  const perUnit = (b.seqWarm * a.steps - a.seqWarm * b.steps) / (b.units * a.steps - a.units * b.steps);
  const perStep = (a.seqWarm - perUnit * a.units) / a.steps;
  process.stdout.write(`SWEEP_CALIBRATION ${JSON.stringify({ nb08: a, w3: b, perUnit, perStep, stepUnits: perStep / perUnit })}\n`);
})();
