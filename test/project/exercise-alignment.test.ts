// The exercises follow the course: exercise N is graded at the end of notebook N, and it grades
// only what notebooks 01..N taught. Read from grading/manifest.json, grading/notebook-sections.json,
// the solutions' exported functions, the graded and hidden tests, and the notebook sources.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const read = (...parts: string[]) => fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
const manifest = JSON.parse(read('grading', 'manifest.json')) as { exercises: Record<string, { notebook: string; tests: Record<string, unknown> }> };
const sections = JSON.parse(read('grading', 'notebook-sections.json')) as Record<string, { default: string; functions: Record<string, string> }>;
const EXERCISES = Object.keys(manifest.exercises).sort();
/** Notebook names in course order, from the sources: 01-neurons, 02-perceptron, … */
const NOTEBOOKS = fs.readdirSync(path.join(ROOT, 'scripts', 'notebook-sources')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
const source = (notebook: string) => read('scripts', 'notebook-sources', `${notebook}.txt`);

/** The functions an exercise grades: every function its reference solution exports (the starter has the same). */
function gradedFunctions(exercise: string): string[] {
  return [...read('solutions', `${exercise}.ts`).matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
}

/** The text of the notebooks up to and including `notebook`, with code cells left out: an introduction is prose. */
function proseUpTo(notebook: string): string {
  return NOTEBOOKS.filter((n) => n <= notebook).map((n) => source(n).split(/^%% /m).filter((cell) => cell.startsWith('md')).join('\n')).join('\n');
}

/** The notebook and section headings a "where" of notebook-sections.json points at. */
function pointers(where: string): { notebook: string; headings: string[] } {
  const notebook = /notebooks\/([\w-]+)\.ipynb/.exec(where)?.[1] ?? '';
  return { notebook, headings: [...where.matchAll(/"([^"]+)"/g)].map((m) => m[1]) };
}

describe('exercise N goes with notebook N', () => {
  it('every notebook with a source has its exercise, named like it, and no exercise lacks a notebook', () => {
    expect(EXERCISES).toEqual(NOTEBOOKS);
    for (const name of EXERCISES) {
      expect(manifest.exercises[name].notebook).toBe(`notebooks/${name}.ipynb`);
      for (const file of [['solutions', `${name}.ts`], ['exercises', `${name}.ts`], ['test', 'graded', `${name}.test.ts`], ['test', 'hidden', `${name}.test.ts`]]) {
        expect(fs.existsSync(path.join(ROOT, ...file))).toBe(true);
      }
    }
    expect(Object.keys(sections).sort()).toEqual(EXERCISES);
  });

  it.each(NOTEBOOKS)('notebook %s checks its own exercise, and only that one', (notebook) => {
    const checks = [...source(notebook).matchAll(/\bcheck\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(checks).toEqual([notebook]);
    expect(source(notebook)).toContain(`exercises/${notebook}.ts`);
  });
});

describe('each check grades only what was taught by then', () => {
  it.each(EXERCISES)('every function graded by %s is introduced by name in its notebook or an earlier one', (exercise) => {
    const prose = proseUpTo(exercise);
    const missing = gradedFunctions(exercise).filter((fn) => !new RegExp(`\`${fn}\\b`).test(prose));
    expect(missing).toEqual([]);
  });

  it.each(EXERCISES)('every function graded by %s is called by its tests, and the tests call nothing else', (exercise) => {
    const tests = read('test', 'graded', `${exercise}.test.ts`) + read('test', 'hidden', `${exercise}.test.ts`);
    const fns = gradedFunctions(exercise);
    expect(fns.filter((fn) => !tests.includes(`'${fn}'`))).toEqual([]);
    const called = [...tests.matchAll(/\.call(?:With)?(?:<[^>]*>)?\((?:\{[^}]*\},\s*)?'(\w+)'/g)].map((m) => m[1]);
    expect(called.filter((fn) => !fns.includes(fn))).toEqual([]);
  });

  it.each(EXERCISES)('the starter of %s sends the student only to existing sections of notebooks taught by then', (exercise) => {
    const info = sections[exercise];
    for (const where of [info.default, ...Object.values(info.functions)]) {
      const { notebook, headings } = pointers(where);
      expect({ where, notebookIsTaught: notebook <= exercise }).toEqual({ where, notebookIsTaught: true });
      const titles = [...source(notebook).matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim());
      expect(headings.filter((h) => !titles.includes(h))).toEqual([]);
    }
    expect(Object.keys(info.functions).filter((fn) => !gradedFunctions(exercise).includes(fn))).toEqual([]);
  });
});
