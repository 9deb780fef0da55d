/**
 * The learning-rate report: trains the same small network on a Playground data set at
 * several learning rates and writes a standalone HTML page (convergence plot, decision
 * boundary per rate, table of verdicts) with vega, vega-lite and vega-embed copied next to
 * it from node_modules: it opens offline, from file://.
 *
 *   npm run report                       → build/report/index.html
 *   npm run report -- --epochs 50 --data xor --out build/report
 */
import * as fs from 'fs';
import * as path from 'path';
import { learningRateSweep, runNote, SweepResult } from '../src/engine/diagnostics';
import { mlpClassifier } from '../src/engine/mlp';
import { playground, trainTestSplit, PlaygroundName } from '../src/engine/data';
import { decisionBoundaryPlot, learningRateConvergencePlot, networkDiagram } from '../src/engine/plots';
import { VEGA_SCRIPTS, embedBlock, escapeHtml, htmlPage, scriptTags, vegaScriptPath } from '../src/io/display/html';

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** Folder of the page and its scripts. @default 'build/report' */
  outDir?: string;
  /** Playground data set. @default 'xor' (with ReLU it shows all four verdicts) */
  data?: PlaygroundName;
  /** Learning rates η to compare. @default [0.0001, 0.001, 0.01, 0.1, 1, 10] */
  learningRates?: number[];
  /** Epochs per run. @default 150 */
  epochs?: number;
  /** Samples in the data set. @default 200 */
  n?: number;
  /** Seed of data, split, initial weights and shuffling. @default 1 */
  seed?: number;
  /** Print progress to stderr. @default false */
  verbose?: boolean;
}

/** What {@link writeReport} wrote. */
export interface ReportResult {
  /** Absolute path of index.html. */
  file: string;
  /** Number of plots (vega-embed containers) in the page. */
  plots: number;
  sweep: SweepResult;
}

/** Runs the experiment and writes the page; returns where. */
export function writeReport(options: ReportOptions = {}): ReportResult {
  const outDir = path.resolve(options.outDir ?? 'build/report');
  const data = options.data ?? 'xor';
  const learningRates = options.learningRates ?? [0.0001, 0.001, 0.01, 0.1, 1, 10];
  const epochs = options.epochs ?? 150;
  const seed = options.seed ?? 1;
  const log = (s: string) => options.verbose && process.stderr.write(s + '\n');

  const ds = playground(data, { n: options.n ?? 200, noise: 0.1, seed });
  const split = trainTestSplit(ds.X, ds.y, { testSize: 0.25, seed, stratify: true });
  const hidden = [8];
  log(`training a 2-${hidden.join('-')}-1 network on '${data}' at η = ${learningRates.join(', ')} (${epochs} epochs each)`);
  const started = Date.now();
  const sweep = learningRateSweep({
    model: (s) => mlpClassifier({ inputs: 2, classes: 2, hidden, activation: 'relu', seed: s }),
    X: split.XTrain,
    y: split.yTrain,
    learningRates,
    epochs,
    batchSize: 16,
    seed,
  });
  log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const train = { X: split.XTrain, y: split.yTrain, featureNames: ds.featureNames };
  const test = { X: split.XTest, y: split.yTest };
  const blocks: string[] = [];
  let plots = 0;
  const plot = (spec: Parameters<typeof embedBlock>[1], caption?: string | null) => embedBlock(`plot-${++plots}`, spec, caption);

  const rows = sweep.runs.map((run) => {
    const h = run.history;
    const finite = h.loss.filter((v) => Number.isFinite(v));
    const last = finite.length > 0 ? finite[finite.length - 1] : NaN;
    const testAccuracy = run.model.score(split.XTest, split.yTest);
    return (
      `<tr><td>${escapeHtml(String(run.learningRate))}</td><td>${escapeHtml(run.verdict)}</td>` +
      `<td>${run.convergedAt ?? '–'}</td><td>${h.epochs}</td><td>${Number.isFinite(last) ? last.toPrecision(4) : '–'}</td>` +
      `<td>${Number.isFinite(testAccuracy) ? (100 * testAccuracy).toFixed(1) + ' %' : '–'}</td><td>${escapeHtml(h.message)}</td></tr>`
    );
  });
  blocks.push(`<h1>Learning rate: too small, right, too large</h1>
<p>The same network (2 inputs, ${hidden.join(', ')} ReLU hidden units, 1 sigmoid output; same initial weights, seed ${seed})
trained with mini-batch gradient descent (batch 16, ${epochs} epochs) on the Playground <b>${escapeHtml(data)}</b> data set
(${split.XTrain.length} training and ${split.XTest.length} test points), once per learning rate η.
A run has converged when its loss stays below the target ${sweep.target.toPrecision(3)} (dashed line).</p>`);
  blocks.push('<h2>Loss per epoch</h2>');
  blocks.push(plot(learningRateConvergencePlot(sweep, { width: 560, height: 320 })));
  blocks.push(`<h2>Verdicts</h2>
<table id="verdicts"><thead><tr><th>η</th><th>verdict</th><th>converged at epoch</th><th>epochs run</th><th>last finite loss</th><th>test accuracy</th><th>message</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`);
  // What every panel shows is said once here; under each panel only what is particular to its run.
  blocks.push(`<h2>Decision boundary per learning rate</h2>
<p>Each panel: the network's probability P(y = 1) over the plane (background), the decision boundary P = 0.5 (black line),
the ${split.XTrain.length} training points (circles) and ${split.XTest.length} test points (triangles) coloured by their true class.
A too-slow run and a diverged one can look alike, both close to the untrained network, for opposite reasons: the caption says which.</p>
<div class="grid">`);
  for (const run of sweep.runs) {
    const note = runNote(run);
    blocks.push(plot(decisionBoundaryPlot(run.model, train, { test, title: run.label, width: 230, height: 230, resolution: 40 }), note));
  }
  blocks.push('</div>');
  const best = sweep.runs.find((r) => r.verdict === 'converged') ?? sweep.runs[0];
  blocks.push(`<h2>The weights of the network trained at η = ${escapeHtml(String(best.learningRate))}</h2>`);
  blocks.push(plot(networkDiagram(best.model)));
  blocks.push(`<p><small>Generated by <code>npm run report</code> on ${escapeHtml(new Date().toISOString())}. Plots drawn by vega-embed from local scripts (no network needed).</small></p>`);

  fs.mkdirSync(outDir, { recursive: true });
  for (const s of VEGA_SCRIPTS) fs.copyFileSync(vegaScriptPath(s), path.join(outDir, s.name));
  const file = path.join(outDir, 'index.html');
  fs.writeFileSync(file, htmlPage('annlab: learning-rate report', blocks.join('\n'), scriptTags('relative', '.')));
  log(`wrote ${file}`);
  return { file, plots, sweep };
}

/** `--epochs 50 --data xor --out dir --rates 0.01,0.1,1` */
function parseArgs(argv: string[]): ReportOptions {
  const o: ReportOptions = { verbose: true };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`report: option ${key} needs a value`);
    if (key === '--epochs') o.epochs = Number(value);
    else if (key === '--data') o.data = value as PlaygroundName;
    else if (key === '--out') o.outDir = value;
    else if (key === '--seed') o.seed = Number(value);
    else if (key === '--rates') o.learningRates = value.split(',').map(Number);
    else throw new Error(`report: unknown option ${key}; expected --epochs, --data, --out, --seed or --rates`);
  }
  return o;
}

if (require.main === module) {
  const result = writeReport(parseArgs(process.argv.slice(2)));
  console.log(`${result.file}\n${result.sweep.toString()}`);
}
