/**
 * Builds notebooks/NN-*.ipynb from their plain-text sources in scripts/notebook-sources/.
 *
 * A source is a text file where a line `%% md` starts a markdown cell and a line `%% code`
 * starts a code cell (lines before the first marker are a comment for maintainers and are
 * dropped). The notebooks are written without outputs and without execution counts, for the
 * `annlab` kernel, so that what is committed is exactly what a student opens.
 *
 *   npx tsx scripts/make-notebooks.ts          # (re)write the notebooks
 *   npx tsx scripts/make-notebooks.ts --check  # exit 1 if a notebook differs from its source
 *
 * `npm run notebooks` builds them too before executing them; `npm run notebooks -- --sources DIR`
 * builds and checks a lecturer's own sources from DIR.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
export const SOURCES = path.join(ROOT, 'scripts', 'notebook-sources');
export const NOTEBOOKS = path.join(ROOT, 'notebooks');

type CellType = 'markdown' | 'code';
interface Cell { cell_type: CellType; metadata: Record<string, unknown>; source: string[]; outputs?: unknown[]; execution_count?: null }

/** Splits a source text into cells at `%% md` / `%% code` marker lines. */
export function parseSource(text: string): { type: CellType; text: string }[] {
  const cells: { type: CellType; lines: string[] }[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const marker = /^%% (md|code)\s*$/.exec(line);
    if (marker) cells.push({ type: marker[1] === 'md' ? 'markdown' : 'code', lines: [] });
    else if (cells.length > 0) cells[cells.length - 1].lines.push(line);
  }
  return cells
    .map((c) => ({ type: c.type, text: c.lines.join('\n').replace(/^\n+|\s+$/g, '') }))
    .filter((c) => c.text.length > 0);
}

/** Jupyter stores a cell's source as lines that keep their '\n' (all but the last). */
function toLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l));
}

/** The notebook (nbformat 4.5) for one source text. */
export function buildNotebook(text: string, name: string): object {
  const cells: Cell[] = parseSource(text).map((c, i) => {
    const cell: Cell = { cell_type: c.type, metadata: {}, source: toLines(c.text) };
    const withId = { id: `${name.slice(0, 2)}-${String(i).padStart(3, '0')}`, ...cell };
    if (c.type === 'code') return { ...withId, execution_count: null, outputs: [] };
    return withId;
  });
  return {
    cells,
    metadata: {
      kernelspec: { name: 'annlab', display_name: 'TypeScript (annlab)', language: 'typescript' },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Source file names (NN-name.txt) in order, in the course's sources or a lecturer's folder. */
export function sourceFiles(dir = SOURCES): string[] {
  return fs.readdirSync(dir).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort();
}

/** Builds notebooks/NN-name.ipynb from every source of `dir` (a file that is up to date is left
 *  alone); returns the notebook names, written or not. */
export function buildSources(dir = SOURCES, notebookDir = NOTEBOOKS): { names: string[]; written: string[] } {
  const names: string[] = [];
  const written: string[] = [];
  for (const file of sourceFiles(dir)) {
    const name = file.replace(/\.txt$/, '');
    const json = JSON.stringify(buildNotebook(fs.readFileSync(path.join(dir, file), 'utf8'), name), null, 1) + '\n';
    const target = path.join(notebookDir, `${name}.ipynb`);
    names.push(name);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === json) continue;
    fs.writeFileSync(target, json);
    written.push(name);
  }
  return { names, written };
}

function main(): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of sourceFiles()) {
    const name = file.replace(/\.txt$/, '');
    const json = JSON.stringify(buildNotebook(fs.readFileSync(path.join(SOURCES, file), 'utf8'), name), null, 1) + '\n';
    const target = path.join(NOTEBOOKS, `${name}.ipynb`);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === json) continue;
    if (check) {
      console.error(`notebooks/${name}.ipynb differs from scripts/notebook-sources/${file}: run npx tsx scripts/make-notebooks.ts`);
      stale++;
    } else {
      fs.writeFileSync(target, json);
      console.log(`wrote notebooks/${name}.ipynb`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (require.main === module) main();
