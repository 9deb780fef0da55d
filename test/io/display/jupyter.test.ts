/**
 * show() and trainingProgress() in a real Jupyter kernel (the project's `annlab` tslab
 * kernel, run by nbconvert): the outputs a notebook stores carry vega-lite, PNG and text,
 * and the live display ends as two outputs updated in place, not hundreds appended.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const JUPYTER = '/usr/bin/jupyter';
const kernels = (): string[] => {
  try {
    const out = execFileSync(JUPYTER, ['kernelspec', 'list', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Object.keys(JSON.parse(out).kernelspecs);
  } catch {
    return [];
  }
};
const ready = fs.existsSync(JUPYTER) && kernels().includes('annlab');
if (!ready && !process.env.CI) {
  console.warn('test/display/jupyter: Jupyter or the annlab kernel is missing (install Jupyter, then `npm install` registers the kernel), so the real-kernel check is skipped.');
}
const describeJupyter = ready || process.env.CI ? describe : describe.skip;

const cells = [
  "import { show, trainingHistoryPlot, trainingProgress, mlpClassifier, playground } from './src';",
  'show(trainingHistoryPlot({ loss: [1, 0.5, 0.25], valLoss: [1.1, 0.6, 0.4] }))',
  [
    "const ds = playground('gauss', { n: 60, seed: 1 });",
    'const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [4], seed: 1 });',
    'const progress = trainingProgress({ interval: 0, curveInterval: 0, maxOverhead: 1, png: false });',
    'const history = model.fit(ds.X, ds.y, { epochs: 30, onEpoch: progress.onEpoch });',
    'progress.finish(trainingHistoryPlot(history));',
  ].join('\n'),
];

describeJupyter('in a real notebook (annlab kernel)', () => {
  it('show() stores one output with vega-lite, PNG (with width) and text; the live display ends as 2 outputs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-nb-'));
    try {
      const nb = {
        cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, execution_count: null, metadata: {}, outputs: [], source })),
        metadata: { kernelspec: { name: 'annlab', display_name: 'TypeScript (annlab)', language: 'typescript' } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      const file = path.join(dir, 'show.ipynb');
      fs.writeFileSync(file, JSON.stringify(nb));
      execFileSync(JUPYTER, ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=120', '--output', 'out.ipynb', file], {
        stdio: 'ignore',
        timeout: 150000,
      });
      const out = JSON.parse(fs.readFileSync(path.join(dir, 'out.ipynb'), 'utf8'));
      const [plot] = out.cells[1].outputs;
      expect(out.cells[1].outputs).toHaveLength(1);
      expect(plot.output_type).toBe('display_data');
      expect(Object.keys(plot.data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']);
      expect(plot.metadata['image/png'].width).toBeGreaterThan(100);
      expect(Buffer.from(plot.data['image/png'], 'base64').subarray(1, 4).toString()).toBe('PNG');
      const live = out.cells[2].outputs;
      expect(live).toHaveLength(2);
      expect([].concat(live[0].data['text/plain']).join('')).toMatch(/^done: 30 epochs in/);
      expect([].concat(live[1].data['text/plain']).join('')).toMatch(/^Training history over 30 epochs/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180000);
});
