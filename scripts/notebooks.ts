/**
 * Executes the course notebooks with real Jupyter and the annlab kernel, exports them to
 * HTML, and checks what a student would see: no error or stderr output, every plot carried
 * as vega-lite + PNG + text, every notebook within its time budget, and every plot image of
 * the HTML pages loaded in headless Chromium.
 *
 *   npm run notebooks                    # all notebooks → build/notebooks/*.ipynb + *.html
 *   npm run notebooks -- 02 05           # only the notebooks whose names start with these
 *   npm run notebooks -- --sources DIR   # a lecturer's own sources (DIR/NN-name.txt): built, then checked
 *   npm run notebooks -- --help          # usage (also printed, with exit code 2, for an unknown
 *                                        # option or a name that matches no notebook)
 *
 * Ctrl-C or SIGTERM stops the running nbconvert processes; their kernels exit with them.
 * test/notebooks/ runs the same checks under jest (npm test, .ci/run).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  ExecutedNotebook,
  Notebook,
  NotebookOutput,
  PROJECT_ROOT,
  codeCells,
  executeNotebook,
  findJupyter,
  joinText,
  jupyterEnv,
  notebookProblems,
} from '../test/support/jupyter';
import { SOURCES, buildSources } from './make-notebooks';

/** Where `npm run notebooks` writes the executed notebooks and their HTML pages. */
export const BUILD_DIR = path.join(PROJECT_ROOT, 'build', 'notebooks');

/** The notebooks folder. */
export const NOTEBOOK_DIR = path.join(PROJECT_ROOT, 'notebooks');

/** Seconds a notebook may take, kernel start included, unless BUDGETS says otherwise. */
export const DEFAULT_BUDGET_SECONDS = 60;

/** Per-notebook budgets in seconds, by file name without extension. */
export const BUDGETS: Readonly<Record<string, number>> = {};

/** The Chromium that CI installs (Debian's package); never downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for headless Chromium in containers and CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** MIME types every plot output must carry (see DESIGN.md, "One plot, one output bundle"). */
export const PLOT_MIME_TYPES = ['application/vnd.vegalite.v5+json', 'image/png', 'text/plain'] as const;

/** MIME types that mark a display output as a plot. */
const PLOT_MARKERS = ['application/vnd.vegalite.v5+json', 'application/vnd.vegalite.v4+json', 'image/png', 'image/svg+xml', 'image/jpeg'];

/** The notebook files (names without extension), in course order; `only` filters by prefix. */
export function listNotebooks(only: string[] = []): string[] {
  return fs
    .readdirSync(NOTEBOOK_DIR)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .map((f) => f.replace(/\.ipynb$/, ''))
    .filter((name) => only.length === 0 || only.some((prefix) => name.startsWith(prefix)))
    .sort();
}

/** What `npm run notebooks -- --help` prints. */
export const USAGE = [
  'usage: npm run notebooks [-- NAME ...]',
  '',
  'Executes the course notebooks with Jupyter and the annlab kernel into build/notebooks/,',
  'exports each to HTML and checks what a student would see (no errors, plots complete,',
  'time budgets kept).',
  '',
  '  NAME          run only the notebooks whose file names start with NAME (e.g. 02 05-act)',
  '  --sources DIR build notebooks from your own sources (DIR/NN-name.txt), then check them',
  '  -h, --help    print this help',
].join('\n');

/** The command line, understood: the notebooks to run, or why to print the usage instead. */
export type NotebooksCommand = { kind: 'run'; names: string[] } | { kind: 'usage'; problem?: string };

/**
 * Reads the arguments of `npm run notebooks`: names (prefixes of notebook files) and
 * `--help`. An unknown option or a name that matches no notebook is a usage error.
 */
export function parseNotebookArgs(args: string[], available: string[] = listNotebooks()): NotebooksCommand {
  const prefixes: string[] = [];
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return { kind: 'usage' };
    if (arg.startsWith('-')) return { kind: 'usage', problem: `unknown option ${arg}` };
    prefixes.push(arg);
  }
  const unmatched = prefixes.filter((p) => !available.some((name) => name.startsWith(p)));
  if (unmatched.length > 0) {
    const list = unmatched.map((p) => `'${p}'`).join(', ');
    return { kind: 'usage', problem: `no notebook name starts with ${list} (notebooks: ${available.join(', ')})` };
  }
  const names = available.filter((name) => prefixes.length === 0 || prefixes.some((p) => name.startsWith(p)));
  return { kind: 'run', names };
}

/** `1 notebook`, `2 notebooks`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The time budget of one notebook in seconds, on an idle machine. */
export function budgetOf(name: string): number {
  return BUDGETS[name] ?? DEFAULT_BUDGET_SECONDS;
}

/**
 * How much a machine busy with other work stretches the budgets: its load per core over the last
 * minute, at least 1 (two notebooks at a time on two cores load it 1 per core themselves). The
 * budgets are for an idle machine; at a load of 9 on 2 cores a notebook takes about 4× longer,
 * and neither it nor its cells should then be stopped or failed for that.
 */
export function loadFactor(): number {
  const os = require('os') as typeof import('os');
  const cores = os.cpus().length || 1;
  return Math.max(1, Math.round((os.loadavg()[0] / cores) * 10) / 10);
}

function displayOutputs(notebook: Notebook): { cell: number; output: NotebookOutput }[] {
  const found: { cell: number; output: NotebookOutput }[] = [];
  codeCells(notebook).forEach((cell, i) => {
    for (const output of cell.outputs ?? []) {
      if (output.data) found.push({ cell: i + 1, output });
    }
  });
  return found;
}

/** Number of plot outputs (display outputs with a vega-lite or image type). */
export function countPlots(notebook: Notebook): number {
  return displayOutputs(notebook).filter(({ output }) => PLOT_MARKERS.some((m) => m in (output.data ?? {}))).length;
}

/**
 * Every plot output that lacks one of the three MIME types, or carries SVG or HTML
 * (blank in nbconvert 6 HTML, or outranking vega-lite in JupyterLab).
 */
export function plotOutputProblems(notebook: Notebook): string[] {
  const problems: string[] = [];
  for (const { cell, output } of displayOutputs(notebook)) {
    const types = Object.keys(output.data ?? {});
    if (!PLOT_MARKERS.some((m) => types.includes(m))) continue;
    const missing = PLOT_MIME_TYPES.filter((t) => !types.includes(t));
    const unwanted = types.filter((t) => t === 'image/svg+xml' || t === 'text/html');
    if (missing.length > 0) problems.push(`cell ${cell}: a plot output lacks ${missing.join(', ')} (has ${types.join(', ')})`);
    if (unwanted.length > 0) problems.push(`cell ${cell}: a plot output carries ${unwanted.join(', ')}`);
    const png = output.data?.['image/png'];
    if (png !== undefined && !joinText(png as string | string[]).startsWith('iVBORw0KGgo')) {
      problems.push(`cell ${cell}: the image/png output is not a base64 PNG`);
    }
  }
  return problems;
}

/** Exports an executed notebook to HTML next to it (`jupyter nbconvert --to html`); returns the page's path. */
export async function exportHtml(executedPath: string): Promise<string> {
  const jupyter = findJupyter();
  if (!jupyter) throw new Error('cannot export HTML: no jupyter found');
  const dir = path.dirname(executedPath);
  const name = path.basename(executedPath, '.ipynb');
  await new Promise<void>((resolve, reject) => {
    execFile(
      jupyter,
      ['nbconvert', '--to', 'html', `--output-dir=${dir}`, `--output=${name}`, executedPath],
      { cwd: PROJECT_ROOT, env: jupyterEnv(), timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`nbconvert --to html ${executedPath} failed: ${stderr.slice(-2000)}`)) : resolve()),
    );
  });
  return path.join(dir, `${name}.html`);
}

/** What headless Chromium saw on one HTML page. */
export interface PageCheck {
  page: string;
  images: number;
  /** Images that did not load (naturalWidth 0), by their position on the page. */
  broken: number[];
  /** Errors the page logged or threw. */
  errors: string[];
}

/** True when Debian's Chromium and playwright-core are both present. */
export function chromiumAvailable(): boolean {
  try {
    require.resolve('playwright-core');
  } catch {
    return false;
  }
  return fs.existsSync(CHROMIUM);
}

/** Opens every page in headless Chromium and reports its images. */
export async function checkPages(pages: string[]): Promise<PageCheck[]> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const results: PageCheck[] = [];
    for (const page of pages) {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto('file://' + page, { waitUntil: 'load', timeout: 60_000 });
      // Runs in the page: the DOM types are not in this project's lib, hence the structural type.
      const sizes = await tab.$$eval('img', (imgs) =>
        imgs.map((img) => {
          const i = img as unknown as { complete: boolean; naturalWidth: number };
          return i.complete ? i.naturalWidth : 0;
        }),
      );
      results.push({ page, images: sizes.length, broken: sizes.map((w, i) => (w > 0 ? -1 : i)).filter((i) => i >= 0), errors });
      await tab.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** The outcome of executing one notebook. */
export interface NotebookRun {
  name: string;
  /** seconds it may take: its budget, stretched by the machine's load when it started (loadFactor) */
  budget: number;
  run?: ExecutedNotebook;
  /** nbconvert itself failed (kernel died, timeout): no executed notebook. */
  failure?: string;
  html?: string;
  htmlFailure?: string;
}

/** Runs `task` over `items`, at most `concurrency` at a time, keeping the order of results. */
export async function pool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Executes the named notebooks (2 at a time) into `outputDir` and exports each to HTML.
 * Aborting `signal` stops the nbconvert processes that run and starts no more.
 */
export async function runNotebooks(names: string[], outputDir: string, concurrency = 2, signal?: AbortSignal): Promise<NotebookRun[]> {
  fs.mkdirSync(outputDir, { recursive: true });
  return pool(names, concurrency, async (name) => {
    const result: NotebookRun = { name, budget: Math.round(budgetOf(name) * loadFactor()) };
    if (signal?.aborted) {
      result.failure = 'not run: stopped';
      return result;
    }
    try {
      result.run = await executeNotebook(path.join(NOTEBOOK_DIR, `${name}.ipynb`), {
        outputDir,
        outputName: name,
        cellTimeoutSeconds: result.budget,
        totalTimeoutSeconds: result.budget * 3,
        signal,
      });
    } catch (error) {
      result.failure = (error as Error).message;
      return result;
    }
    try {
      result.html = await exportHtml(result.run.outputPath);
    } catch (error) {
      result.htmlFailure = (error as Error).message;
    }
    return result;
  });
}

/** Everything wrong with one run, one line (or paragraph) each. */
export function runProblems(r: NotebookRun): string[] {
  if (r.failure) return [`nbconvert failed: ${r.failure}`];
  const run = r.run!;
  const problems = [...notebookProblems(run), ...plotOutputProblems(run.notebook)];
  if (run.seconds > r.budget) problems.push(`took ${run.seconds.toFixed(1)} s, over its budget of ${r.budget} s`);
  if (r.htmlFailure) problems.push(r.htmlFailure);
  return problems;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --sources DIR: a lecturer's own notebook sources, built and then checked like the course's.
  const at = args.indexOf('--sources');
  const sourcesDir = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!sourcesDir || sourcesDir.startsWith('-') || !fs.existsSync(sourcesDir))) {
    console.error(`npm run notebooks: --sources DIR: ${sourcesDir && !sourcesDir.startsWith('-') ? `${sourcesDir} does not exist` : 'name the folder of your notebook sources'}\n`);
    console.error(USAGE);
    process.exit(2);
  }
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  if (parseNotebookArgs(rest).kind === 'usage' && (rest.includes('--help') || rest.includes('-h'))) {
    console.error(USAGE);
    process.exit(2);
  }
  // An edited source is what runs: the notebooks are (re)built from the sources first.
  const built = buildSources(sourcesDir ? path.resolve(sourcesDir) : SOURCES);
  for (const n of built.written) console.log(`built notebooks/${n}.ipynb from ${path.join(sourcesDir ?? 'scripts/notebook-sources', n + '.txt')}`);
  const command = parseNotebookArgs(rest, listNotebooks().filter((n) => !sourcesDir || built.names.includes(n)));
  if (command.kind === 'usage') {
    if (command.problem) console.error(`npm run notebooks: ${command.problem}\n`);
    console.error(USAGE);
    process.exit(2);
  }
  const names = command.names;
  if (!findJupyter()) {
    console.error('npm run notebooks needs Jupyter with nbconvert: `sudo apt install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel` or `pip install nbconvert nbclient ipykernel`.');
    process.exit(2);
  }
  console.log(`Executing ${plural(names.length, 'notebook')} with the annlab kernel into ${path.relative(PROJECT_ROOT, BUILD_DIR)}/ ...`);
  // Ctrl-C or SIGTERM: stop nbconvert (each kernel notices that its parent is gone and exits).
  const stop = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    console.error(`\n${name}: stopping the running notebooks ...`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const runs = await runNotebooks(names, BUILD_DIR, 2, stop.signal);
  if (stop.signal.aborted) {
    console.error('Stopped; no notebook was checked.');
    process.exit(130);
  }
  const pages = runs.filter((r) => r.html).map((r) => r.html!);
  const pageChecks = chromiumAvailable() ? await checkPages(pages) : undefined;
  let failed = 0;
  for (const r of runs) {
    const problems = runProblems(r);
    const page = pageChecks?.find((p) => p.page === r.html);
    if (page && page.broken.length > 0) problems.push(`HTML: ${page.broken.length} of ${page.images} images did not load`);
    const plots = r.run ? countPlots(r.run.notebook) : 0;
    const time = r.run ? `${r.run.seconds.toFixed(1)} s` : '—';
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(36)} ${time.padStart(7)} / ${r.budget} s  ${plots} plots${page ? `, ${page.images} images in HTML` : ''}`);
    for (const p of problems) console.log('      ' + p.split('\n').slice(0, 12).join('\n      '));
    if (problems.length > 0) failed++;
  }
  if (!pageChecks) console.log('(HTML pages not opened: /usr/bin/chromium or playwright-core is missing)');
  console.log(`\nExecuted notebooks and HTML pages: ${path.relative(PROJECT_ROOT, BUILD_DIR)}/`);
  if (failed > 0) {
    console.log(`${plural(failed, 'notebook')} failed.`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
