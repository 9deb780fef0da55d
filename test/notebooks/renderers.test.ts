/**
 * Plots as the notebook front ends draw them: JupyterLab 4.2–4.6's renderer (vega-lite 5.6.1,
 * vega-embed 6.21.3, its embed options) and VS Code's (the project's vega-embed), rebuilt in
 * headless Chromium by test/support/vega-renderers.ts. Every plot builder's spec renders in
 * both; the perceptron replay's slider produces its input. (test/notebooks/notebooks.test.ts
 * runs the same check on every vega-lite output of the executed notebooks.)
 */
import * as fs from 'fs';
import { Perceptron, activationPlot, activations, learningRateConvergencePlot, learningRateSweep, mlpClassifier, perceptronLearningPlot, truthTable, trainingHistoryPlot, decisionBoundaryPlot, networkDiagram } from '../../src';
import { exerciseScorePlot, passRatePlot, totalScorePlot } from '../../grader/class-report/plots';
import { summarise } from '../../grader/class-report/summary';
import { FrontEnd, renderSpecs, rendererVersions } from '../support/vega-renderers';

const haveChromium = fs.existsSync('/usr/bin/chromium');
if (!haveChromium && !process.env.CI) console.warn('renderers: /usr/bin/chromium is absent, so the front-end renderer checks are skipped (apt-get install chromium).');

function specs(): { name: string; spec: unknown }[] {
  const and = truthTable('and');
  const p = new Perceptron();
  const replay = p.fit(and.X, and.y);
  const xor = truthTable('xor');
  const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [4], activation: 'tanh', seed: 1 });
  const sweep = learningRateSweep({ model, X: xor.X, y: xor.y, learningRates: [0.1, 1, 100], epochs: 30, batchSize: 4 });
  const trained = mlpClassifier({ inputs: 2, classes: 2, hidden: [4], activation: 'tanh', seed: 2 });
  const history = trained.fit(xor.X, xor.y, { epochs: 20, batchSize: 4, learningRate: 0.5 });
  const cls = summarise([{ student: 'a', folder: 'a', results: { score: 1, tests: [{ name: '[x.a] a', score: 1, max_score: 1, status: 'passed', tags: ['x'] }] } }]);
  return [
    { name: 'perceptron replay (slider)', spec: perceptronLearningPlot(replay, and) },
    { name: 'activations', spec: activationPlot([activations.sigmoid, activations.relu]) },
    { name: 'learning-rate convergence', spec: learningRateConvergencePlot(sweep) },
    { name: 'training history', spec: trainingHistoryPlot(history) },
    { name: 'decision boundary', spec: decisionBoundaryPlot(trained, xor) },
    { name: 'network diagram', spec: networkDiagram(trained) },
    { name: 'class report: total', spec: totalScorePlot(cls) },
    { name: 'class report: per exercise', spec: exerciseScorePlot(cls) },
    { name: 'class report: pass rates', spec: passRatePlot(cls) },
  ];
}

describe.each(['jupyterlab', 'vscode'] as FrontEnd[])('%s’s vega-lite renderer', (front) => {
  (haveChromium || process.env.CI ? it : it.skip)(
    'renders every plot builder’s spec, without a console error; the perceptron replay’s slider is an input',
    async () => {
      const all = specs();
      const { results, errors } = await renderSpecs(front, all);
      if (front === 'jupyterlab') expect(results[0]).toMatchObject({ vegaLite: '5.6.1', vegaEmbed: '6.21.3' });
      expect(rendererVersions(front)[1]).toMatch(front === 'jupyterlab' ? /@5\.6\.1$/ : /@5\./);
      expect(results.filter((r) => !r.ok || r.marks !== 1).map((r) => `${r.name}: ${r.error ?? `${r.marks} views`}`)).toEqual([]);
      expect(results[0].inputs).toEqual(['range']);
      expect(errors).toEqual([]);
    },
    120000,
  );
});
