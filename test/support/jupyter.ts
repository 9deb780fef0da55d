/**
 * Executing notebooks with real Jupyter and the annlab kernel, for tests.
 *
 *   import { itWithJupyter, executeNotebook, notebookProblems } from '../support/jupyter';
 *   itWithJupyter('00-setup runs without errors', async () => {
 *     const run = await executeNotebook('notebooks/00-setup.ipynb');
 *     expect(notebookProblems(run)).toEqual([]);
 *   }, 120_000);
 *
 * Where Jupyter (with nbconvert) is missing, such tests are skipped with a message saying
 * why and how to install it, except when CI is set: there its absence fails the run,
 * because .ci/run always installs it.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** The project's own Jupyter data folder, where kernel/install.js puts the annlab kernelspec. */
export const PROJECT_JUPYTER_DIR = path.join(PROJECT_ROOT, '.jupyter');

/** Where executed notebooks go unless a test says otherwise. */
export const DEFAULT_OUTPUT_DIR = path.join(PROJECT_ROOT, 'build', 'test-notebooks');

/** What the tests need to know about the Jupyter on this machine. */
export type JupyterStatus = { available: true; jupyter: string } | { available: false; reason: string };

const statusByJupyter = new Map<string, JupyterStatus>();
let warned = false;

/** True when CI is set to anything but empty, 0 or false (as kernel/common.js reads it). */
export function isCI(): boolean {
  const v = (process.env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The `jupyter` to use: $ANNLAB_JUPYTER if set (a path, or `none` to act as if Jupyter were
 * absent), else Debian's /usr/bin/jupyter (what .ci/run installs), else the first on PATH.
 */
export function findJupyter(): string | undefined {
  const chosen = process.env.ANNLAB_JUPYTER;
  if (chosen) return chosen === 'none' ? undefined : chosen;
  if (isExecutable('/usr/bin/jupyter')) return '/usr/bin/jupyter';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of process.platform === 'win32' ? ['jupyter.exe', 'jupyter.cmd'] : ['jupyter']) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Whether a Jupyter with nbconvert is installed here (nbconvert is asked once per jupyter). */
export function jupyterStatus(): JupyterStatus {
  const jupyter = findJupyter();
  if (!jupyter) {
    return { available: false, reason: process.env.ANNLAB_JUPYTER === 'none' ? 'ANNLAB_JUPYTER=none' : 'no `jupyter` on PATH or at /usr/bin/jupyter' };
  }
  let status = statusByJupyter.get(jupyter);
  if (!status) {
    try {
      execFileSync(jupyter, ['nbconvert', '--version'], { stdio: 'pipe', timeout: 30_000 });
      status = { available: true, jupyter };
    } catch (error) {
      status = { available: false, reason: `${jupyter} has no working nbconvert (${(error as Error).message.split('\n')[0]})` };
    }
    statusByJupyter.set(jupyter, status);
  }
  return status;
}

/**
 * True when notebooks can be executed here. When they cannot: with CI set, throws (a CI run
 * must execute its notebooks); otherwise warns once, saying how to install Jupyter, and
 * returns false so that the caller skips.
 */
export function jupyterAvailable(): boolean {
  const status = jupyterStatus();
  if (status.available) return true;
  const help =
    'install it with `sudo apt install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel` ' +
    'or `pip install nbconvert nbclient ipykernel`';
  if (isCI()) {
    throw new Error(`Jupyter is required when CI is set, but ${status.reason}; .ci/run installs it, or ${help}.`);
  }
  if (!warned) {
    warned = true;
    console.warn(`Skipping the tests that execute notebooks: ${status.reason}. To run them, ${help}.`);
  }
  return false;
}

/**
 * `it`, when notebooks can be executed; otherwise a skipped test whose name says why.
 * (With CI set and no Jupyter, the test runs and fails with the reason.)
 */
export function itWithJupyter(name: string, fn: () => Promise<unknown>, timeout?: number): void {
  let available: boolean;
  try {
    available = jupyterAvailable();
  } catch (error) {
    it(name, () => {
      throw error;
    });
    return;
  }
  if (available) it(name, fn, timeout);
  else it.skip(`${name} (skipped: Jupyter is not installed)`, fn);
}

/** One output of a code cell, as nbformat 4 stores it. */
export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error' | 'update_display_data';
  name?: 'stdout' | 'stderr';
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  execution_count?: number | null;
}

/** One cell of a notebook (nbformat 4). */
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown> & { execution?: Record<string, string> };
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

/** A notebook file (nbformat 4). */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown> & {
    kernelspec?: { name: string; display_name?: string; language?: string };
  };
  nbformat: number;
  nbformat_minor: number;
}

/** The result of executing a notebook. */
export interface ExecutedNotebook {
  /** The executed notebook, outputs included. */
  notebook: Notebook;
  /** Where the executed copy was written. */
  outputPath: string;
  /** Wall-clock seconds for the whole nbconvert run (kernel start included). */
  seconds: number;
  /** What nbconvert (and the kernel process) wrote to stderr: for diagnosis, not an error by itself. */
  log: string;
}

/** Joins nbformat's multi-line strings (a string or a list of lines). */
export function joinText(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join('') : text ?? '';
}

/** Removes ANSI colour codes (tracebacks carry them). */
function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** Everything a code cell printed to stdout, plus the text/plain of its results. */
export function cellText(cell: NotebookCell): string {
  return (cell.outputs ?? [])
    .map((o) => {
      if (o.output_type === 'stream' && o.name === 'stdout') return joinText(o.text);
      if (o.data && 'text/plain' in o.data) return joinText(o.data['text/plain'] as string | string[]) + '\n';
      return '';
    })
    .join('');
}

/** The code cells of a notebook. */
export function codeCells(notebook: Notebook): NotebookCell[] {
  return notebook.cells.filter((c) => c.cell_type === 'code');
}

/**
 * Every error output and every stderr output, one string each, naming the code cell
 * (1-based among code cells) and its first source line. tslab reports compile and run-time
 * errors on stderr, so a clean notebook has none of either.
 */
export function notebookProblems(run: ExecutedNotebook | Notebook): string[] {
  const notebook = 'notebook' in run ? run.notebook : run;
  const problems: string[] = [];
  codeCells(notebook).forEach((cell, i) => {
    const where = `cell ${i + 1} (${joinText(cell.source).split('\n')[0].slice(0, 60)})`;
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'error') {
        problems.push(`${where}: error ${o.ename}: ${o.evalue}\n${stripAnsi((o.traceback ?? []).join('\n'))}`);
      } else if (o.output_type === 'stream' && o.name === 'stderr') {
        problems.push(`${where}: stderr: ${stripAnsi(joinText(o.text))}`);
      }
    }
  });
  return problems;
}

/** A notebook for the annlab kernel made of the given code cells (for tests that build one). */
export function makeNotebook(codeSources: string[]): Notebook {
  return {
    cells: codeSources.map((source, i) => ({
      cell_type: 'code' as const,
      id: `cell-${i + 1}`,
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
    metadata: {
      kernelspec: { name: 'annlab', display_name: 'TypeScript (annlab)', language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Options of executeNotebook. */
export interface ExecuteOptions {
  /** Folder for the executed copy. @default build/test-notebooks */
  outputDir?: string;
  /** File name of the executed copy, without extension. @default the notebook's name + '.executed' */
  outputName?: string;
  /** Seconds one cell may run before nbconvert gives up. @default 120 */
  cellTimeoutSeconds?: number;
  /** Seconds the whole run may take before it is killed. @default 300 */
  totalTimeoutSeconds?: number;
  /** The environment of Jupyter (and so of the kernel). @default jupyterEnv(): this project's kernel */
  env?: NodeJS.ProcessEnv;
  /** Aborting it stops nbconvert (SIGTERM); its kernel then exits by itself (kernel/quiet.js). */
  signal?: AbortSignal;
}

/** The environment for Jupyter: the project's kernelspec folder first in JUPYTER_PATH. */
export function jupyterEnv(): NodeJS.ProcessEnv {
  const jupyterPath = [PROJECT_JUPYTER_DIR, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  return { ...process.env, JUPYTER_PATH: jupyterPath, PYTHONUNBUFFERED: '1' };
}

/** Writes the project's kernelspec if missing or stale (e.g. after `npm ci --ignore-scripts`). */
export function ensureKernelSpec(): void {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'kernel', 'install.js'), '--project-only', '--quiet'], {
    stdio: 'pipe',
  });
}

/**
 * Executes a notebook (a path, relative to the project root or absolute, or a Notebook
 * object) with `jupyter nbconvert --execute` and the annlab kernel, and returns the
 * executed notebook. Cells keep running after an error (--allow-errors) so that the
 * returned notebook shows them; use notebookProblems() to fail on them. Throws, with
 * nbconvert's stderr, only when nbconvert itself fails (kernel died, timeout, bad file).
 */
export async function executeNotebook(notebook: string | Notebook, options: ExecuteOptions = {}): Promise<ExecutedNotebook> {
  const status = jupyterStatus();
  if (!status.available) throw new Error(`cannot execute notebooks: ${status.reason}`);
  ensureKernelSpec();
  const outputDir = options.outputDir ?? DEFAULT_OUTPUT_DIR;
  fs.mkdirSync(outputDir, { recursive: true });
  let input: string;
  let baseName: string;
  if (typeof notebook === 'string') {
    input = path.resolve(PROJECT_ROOT, notebook);
    baseName = path.basename(input, '.ipynb');
  } else {
    baseName = options.outputName ?? `generated-${process.pid}-${Date.now()}`;
    input = path.join(outputDir, `${baseName}.input.ipynb`);
    fs.writeFileSync(input, JSON.stringify(notebook, null, 1));
  }
  const outputName = options.outputName ?? `${baseName}.executed`;
  const args = [
    'nbconvert',
    '--to',
    'notebook',
    '--execute',
    '--allow-errors',
    '--ExecutePreprocessor.kernel_name=annlab',
    `--ExecutePreprocessor.timeout=${options.cellTimeoutSeconds ?? 120}`,
    `--output-dir=${outputDir}`,
    `--output=${outputName}`,
    input,
  ];
  const started = Date.now();
  const log = await new Promise<string>((resolve, reject) => {
    execFile(
      status.jupyter,
      args,
      {
        cwd: PROJECT_ROOT,
        env: options.env ?? jupyterEnv(),
        timeout: (options.totalTimeoutSeconds ?? 300) * 1000,
        maxBuffer: 64 * 1024 * 1024,
        signal: options.signal,
      },
      (error, _stdout, stderr) => {
        if (error) {
          reject(new Error(`jupyter ${args.join(' ')} failed (${error.message.split('\n')[0]}):\n${stripAnsi(stderr).slice(-4000)}`));
        } else {
          resolve(stderr);
        }
      },
    );
  });
  const outputPath = path.join(outputDir, `${outputName}.ipynb`);
  const executed = JSON.parse(fs.readFileSync(outputPath, 'utf8')) as Notebook;
  return { notebook: executed, outputPath, seconds: (Date.now() - started) / 1000, log };
}
