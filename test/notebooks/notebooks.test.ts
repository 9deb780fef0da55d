/**
 * The course notebooks (01–08) executed for real: Jupyter's nbconvert with the annlab kernel,
 * then their HTML export opened in headless Chromium. 00-setup has its own test in test/project/,
 * which also checks that every committed notebook names the kernel and stores no outputs.
 *
 * All notebooks run once, two at a time (the CI machine has two cores), in beforeAll; each
 * `it` then checks one property of one notebook. Skipped, saying why, where Jupyter or
 * Chromium is missing, except with CI set: there their absence fails the run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { PROJECT_ROOT, jupyterAvailable } from '../support/jupyter';
import {
  PageCheck,
  NotebookRun,
  chromiumAvailable,
  checkPages,
  countPlots,
  listNotebooks,
  plotOutputProblems,
  runNotebooks,
} from '../../scripts/notebooks';
import { Notebook, NotebookOutput, notebookProblems } from '../support/jupyter';
import { FrontEnd, RenderResult, renderSpecs, vegaLiteOutputs } from '../support/vega-renderers';

const OUTPUT_DIR = path.join(PROJECT_ROOT, 'build', 'test-notebooks', 'course');
const course = listNotebooks().filter((name) => !name.startsWith('00-'));

function isCI(): boolean {
  const v = (process.env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

describe('the course notebooks', () => {
  it('are the eight lessons, in the course order', () => {
    expect(course.map((n) => n.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-']);
  });

  it('are up to date with their sources in scripts/notebook-sources/', () => {
    // make-notebooks --check exits 1 and names the stale notebook if one was edited by hand.
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(PROJECT_ROOT, 'scripts', 'make-notebooks.ts'), '--check'], {
      cwd: PROJECT_ROOT,
      stdio: 'pipe',
    });
  });

  it('point the student to the graded exercises with check()', () => {
    for (const name of course) {
      const text = fs.readFileSync(path.join(PROJECT_ROOT, 'notebooks', `${name}.ipynb`), 'utf8');
      expect({ name, hasCheck: /await check\('[a-z0-9-]+'\)/.test(text) }).toEqual({ name, hasCheck: true });
    }
  });
});

describe('the plot check (plotOutputProblems, countPlots)', () => {
  const notebookWith = (...outputs: NotebookOutput[]): Notebook => ({
    cells: [{ cell_type: 'code', source: 'show(spec)', metadata: {}, outputs, execution_count: 1 }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
  const png = 'iVBORw0KGgoAAAANSUhEUg==';
  const full = { 'application/vnd.vegalite.v5+json': {}, 'image/png': png, 'text/plain': 'A plot.' };

  it('accepts a plot carrying vega-lite, PNG and text, and counts it', () => {
    const nb = notebookWith({ output_type: 'display_data', data: full, metadata: {} });
    expect(plotOutputProblems(nb)).toEqual([]);
    expect(countPlots(nb)).toBe(1);
  });

  it('flags a plot without its PNG, one carrying SVG or HTML, and a PNG that is not one', () => {
    const noPng = notebookWith({ output_type: 'display_data', data: { 'application/vnd.vegalite.v5+json': {}, 'text/plain': 'x' } });
    expect(plotOutputProblems(noPng)).toEqual(['cell 1: a plot output lacks image/png (has application/vnd.vegalite.v5+json, text/plain)']);
    const svg = notebookWith({ output_type: 'display_data', data: { ...full, 'image/svg+xml': '<svg/>' } });
    expect(plotOutputProblems(svg)).toEqual(['cell 1: a plot output carries image/svg+xml']);
    const bad = notebookWith({ output_type: 'display_data', data: { ...full, 'image/png': 'not a png' } });
    expect(plotOutputProblems(bad)).toEqual(['cell 1: the image/png output is not a base64 PNG']);
  });

  it('ignores outputs that are not plots (text, the check() table)', () => {
    const nb = notebookWith({ output_type: 'stream', name: 'stdout', text: 'hello' }, { output_type: 'display_data', data: { 'text/plain': 'x' } });
    expect(plotOutputProblems(nb)).toEqual([]);
    expect(countPlots(nb)).toBe(0);
  });
});

let canExecute: boolean;
let executionError: unknown;
try {
  canExecute = jupyterAvailable(); // throws with CI set and no Jupyter
} catch (error) {
  canExecute = true;
  executionError = error;
}
const canBrowse = chromiumAvailable();
if (!canBrowse && !isCI()) {
  console.warn('Skipping the HTML checks of the notebooks: /usr/bin/chromium (apt install chromium) or playwright-core is missing.');
}

(canExecute ? describe : describe.skip)('the course notebooks in real Jupyter with the annlab kernel', () => {
  const runs = new Map<string, NotebookRun>();
  const pages = new Map<string, PageCheck>();
  // front end → every vega-lite output of every notebook, as its renderer drew it (test/support/vega-renderers.ts)
  const rendered = new Map<FrontEnd, { results: RenderResult[]; errors: string[] }>();

  beforeAll(async () => {
    if (executionError) throw executionError;
    fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
    for (const r of await runNotebooks(course, OUTPUT_DIR, 2)) runs.set(r.name, r);
    // One line per notebook, so that a slow one shows before it breaks its budget.
    console.log(
      [...runs.values()]
        .map((r) => `${r.name}: ${r.run ? `${r.run.seconds.toFixed(1)} s of ${r.budget} s, ${countPlots(r.run.notebook)} plots` : 'not executed'}`)
        .join('\n'),
    );
    if (canBrowse) {
      const html = [...runs.values()].filter((r) => r.html).map((r) => r.html!);
      for (const p of await checkPages(html)) pages.set(p.page, p);
    }
  }, 7 * 60_000);

  // Every notebook's vega-lite outputs through each front end's renderer, once (the first test that needs them).
  let rendering: Promise<void> | undefined;
  const renderAll = () =>
    (rendering ??= (async () => {
      const outputs = [...runs.values()].flatMap((r) => (r.run ? vegaLiteOutputs(r.run.notebook, r.name) : []));
      for (const front of ['jupyterlab', 'vscode'] as FrontEnd[]) rendered.set(front, await renderSpecs(front, outputs));
    })());

  describe.each(course)('%s', (name) => {
    const run = () => {
      const r = runs.get(name);
      if (!r) throw new Error(`${name} was not executed`);
      if (r.failure) throw new Error(`nbconvert failed: ${r.failure}`);
      return r;
    };

    it('runs top to bottom without an error or stderr output', () => {
      expect(notebookProblems(run().run!)).toEqual([]);
    });

    it('shows every plot as vega-lite, PNG and a text description, and shows at least one plot', () => {
      const notebook = run().run!.notebook;
      expect(plotOutputProblems(notebook)).toEqual([]);
      expect(countPlots(notebook)).toBeGreaterThan(0);
    });

    it('runs within its time budget', () => {
      const r = run();
      expect({ seconds: Math.round(r.run!.seconds), withinBudget: r.run!.seconds <= r.budget }).toEqual({
        seconds: Math.round(r.run!.seconds),
        withinBudget: true,
      });
    });

    (canBrowse || isCI() ? it : it.skip)('exports to HTML whose plot images all load in headless Chromium', () => {
      if (!canBrowse) throw new Error('headless Chromium is required when CI is set: apt install chromium (and npm ci for playwright-core)');
      const r = run();
      expect(r.htmlFailure).toBeUndefined();
      const page = pages.get(r.html!);
      expect(page).toBeDefined();
      expect({ images: page!.images > 0, broken: page!.broken, errors: page!.errors }).toEqual({ images: true, broken: [], errors: [] });
      // Every plot output becomes one <img> (its PNG); more images are fine (e.g. in markdown).
      expect(page!.images).toBeGreaterThanOrEqual(countPlots(r.run!.notebook));
    });

    (canBrowse || isCI() ? it : it.skip)('renders every vega-lite output in JupyterLab’s renderer (vega-lite 5.6.1, vega-embed 6.21.3) and VS Code’s; bound parameters give their inputs', async () => {
      if (!canBrowse) throw new Error('headless Chromium is required when CI is set: apt install chromium (and npm ci for playwright-core)');
      await renderAll();
      const outputs = vegaLiteOutputs(run().run!.notebook, name);
      expect(outputs.length).toBeGreaterThan(0);
      for (const front of ['jupyterlab', 'vscode'] as FrontEnd[]) {
        const all = rendered.get(front)!;
        const mine = all.results.filter((r) => r.name.startsWith(`${name} `));
        expect(mine.map((r) => r.name)).toEqual(outputs.map((o) => o.name));
        expect(mine.filter((r) => !r.ok || r.marks !== 1).map((r) => `${front}: ${r.name}: ${r.error ?? `${r.marks} views`}`)).toEqual([]);
        outputs.forEach((o, i) => {
          const bound = ((o.spec as { params?: { bind?: unknown }[] }).params ?? []).filter((p) => p.bind).length;
          expect(`${o.name}: ${mine[i].inputs.length >= bound}`).toBe(`${o.name}: true`);
        });
        expect(all.errors).toEqual([]);
      }
    }, 5 * 60_000);
  });
});
