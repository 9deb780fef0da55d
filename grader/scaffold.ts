// `npm run new-exercise NAME`: everything a new graded exercise needs, working from the first
// minute (the solution scores full marks, the starter 0), for the lecturer to rewrite:
// solutions/NAME.ts, exercises/NAME.ts (its stub), test/graded/NAME.test.ts and
// test/hidden/NAME.test.ts with test ids, the manifest and notebook-section entries, and a
// "Your turn" cell at the end of a notebook source.
import { HIDDEN_CANARY } from './release';
import { validateManifest } from './manifest';
import type { Manifest } from './manifest';

/** What to scaffold. */
export interface ScaffoldOptions {
  /** exercise name: the file name, lower case with dashes, e.g. 'dropout' or '09-dropout' */
  name: string;
  /** @default the name with its dashes as spaces */
  title?: string;
  /** notebook source (scripts/notebook-sources/NN-x.txt, or a lecturer's own) to end with a "Your turn" cell */
  notebookSource?: string;
}

/** The example function every scaffold starts from (the lecturer replaces it). */
export const EXAMPLE_FUNCTION = 'scale';

/** The files of a new exercise: path relative to the project → text. */
export function scaffoldFiles(name: string, title: string): Record<string, string> {
  const solution = `/**
 * Exercise: ${title}.
 * Replace this example with the exercise: each exported function is one thing the student
 * writes; \`npm run stubs\` turns the bodies into "not implemented yet" for exercises/${name}.ts.
 */

/** Every value multiplied by \`factor\`, as a new array: y_i = factor · x_i. */
export function ${EXAMPLE_FUNCTION}(values: number[], factor: number): number[] {
  return values.map((v) => v * factor);
}
`;
  const visible = `/**
 * Exercise ${name} — ${title} (public tests).
 * Student code runs in the sandbox; expected values are computed here, from the inputs.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';

const ex = startedExercise('${name}');

describe('${name}: ${title.replace(/'/g, "\\'")}', () => {
  it('[${name}.${EXAMPLE_FUNCTION}.example] ${EXAMPLE_FUNCTION} multiplies every value by the factor', async () => {
    expectClose(await ex.call('${EXAMPLE_FUNCTION}', [1, -2, 0.5], 3), [3, -6, 1.5], {
      what: '${EXAMPLE_FUNCTION}([1, -2, 0.5], 3)',
      hint: 'multiply each value by the factor (y_i = factor · x_i); do not add it.',
    });
  });

  it('[${name}.${EXAMPLE_FUNCTION}.empty] ${EXAMPLE_FUNCTION} of no values is no values', async () => {
    expectClose(await ex.call('${EXAMPLE_FUNCTION}', [], 2), [], { what: '${EXAMPLE_FUNCTION}([], 2)' });
  });
});
`;
  const hidden = `// ${HIDDEN_CANARY}
/**
 * Exercise ${name} — hidden tests (lecturer only): other inputs, edge cases.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { property } from '../support/teach';

const ex = startedExercise('${name}');

describe('${name} (hidden): ${title.replace(/'/g, "\\'")}', () => {
  it('[${name}.${EXAMPLE_FUNCTION}.random] ${EXAMPLE_FUNCTION} agrees with y_i = factor · x_i on random inputs', async () => {
    const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    await property(fc.tuple(fc.array(value, { maxLength: 20 }), value), async ([values, factor]) => {
      expectClose(await ex.call('${EXAMPLE_FUNCTION}', values, factor), values.map((v) => v * factor), { what: \`${EXAMPLE_FUNCTION}(\${JSON.stringify(values)}, \${factor})\` });
    }, { seed: 1, numRuns: 25 });
  });
});
`;
  return {
    [`solutions/${name}.ts`]: solution,
    [`test/graded/${name}.test.ts`]: visible,
    [`test/hidden/${name}.test.ts`]: hidden,
  };
}

/** The manifest with the new exercise's tests (2 visible, 1 hidden). */
export function withExercise(m: Manifest, name: string, title: string, notebook?: string): Manifest {
  if (m.exercises[name]) throw new Error(`new-exercise: '${name}' is already in grading/manifest.json`);
  const out: Manifest = { exercises: { ...m.exercises } };
  out.exercises[name] = {
    title,
    ...(notebook ? { notebook } : {}),
    tests: {
      [`${name}.${EXAMPLE_FUNCTION}.example`]: { points: 2, visibility: 'visible' },
      [`${name}.${EXAMPLE_FUNCTION}.empty`]: { points: 1, visibility: 'visible' },
      [`${name}.${EXAMPLE_FUNCTION}.random`]: { points: 2, visibility: 'after_due_date' },
    },
  };
  const problems = validateManifest(out);
  if (problems.length) throw new Error(`new-exercise: the manifest would be invalid:\n- ${problems.join('\n- ')}`);
  return out;
}

/** The "Your turn" cells that end a notebook source. */
export function yourTurnCells(name: string, title: string): string {
  return `%% md
## Your turn: ${title}

Write \`${EXAMPLE_FUNCTION}\` in \`exercises/${name}.ts\`, then run the cell below: it runs the public
tests of the exercise and shows what to fix.
%% code
await check('${name}');
`;
}

/** Writes the scaffold into the project at `root`; returns the paths written or changed. Refuses
 *  an existing exercise and never overwrites a file. */
export function scaffoldExercise(root: string, o: ScaffoldOptions): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const { loadManifest } = require('./manifest') as typeof import('./manifest');
  const { makeStub } = require('../scripts/make-stubs') as typeof import('../scripts/make-stubs');
  const name = o.name;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`new-exercise: '${name}' must be a file name in lower case with dashes, like 'dropout' or '09-dropout'`);
  const title = o.title ?? name.replace(/^\d+-/, '').replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const files = scaffoldFiles(name, title);
  for (const rel of [...Object.keys(files), `exercises/${name}.ts`]) {
    if (fs.existsSync(path.join(root, rel))) throw new Error(`new-exercise: ${rel} already exists`);
  }
  const source = o.notebookSource ? path.resolve(root, o.notebookSource) : undefined;
  if (source && !fs.existsSync(source)) throw new Error(`new-exercise: the notebook source ${o.notebookSource} does not exist`);
  const notebook = source ? `notebooks/${path.basename(source).replace(/\.txt$/, '.ipynb')}` : undefined;
  const manifestFile = path.join(root, 'grading', 'manifest.json');
  const manifest = withExercise(loadManifest(manifestFile), name, title, notebook);
  const sectionsFile = path.join(root, 'grading', 'notebook-sections.json');
  const sections = JSON.parse(fs.readFileSync(sectionsFile, 'utf8')) as Record<string, { default: string; functions: Record<string, string> }>;
  sections[name] = { default: notebook ? `${notebook}, section "Your turn: ${title}"` : `the exercise's notebook, section "${title}"`, functions: {} };

  const written: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    written.push(rel);
  }
  fs.writeFileSync(path.join(root, 'exercises', `${name}.ts`), makeStub(`${name}.ts`, files[`solutions/${name}.ts`], sections[name]));
  written.push(`exercises/${name}.ts`);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  fs.writeFileSync(sectionsFile, JSON.stringify(sections, null, 2) + '\n');
  written.push('grading/manifest.json', 'grading/notebook-sections.json');
  if (source) {
    const text = fs.readFileSync(source, 'utf8');
    fs.writeFileSync(source, `${text.replace(/\s*$/, '\n')}${yourTurnCells(name, title)}`);
    written.push(path.relative(root, source));
  }
  return written;
}
