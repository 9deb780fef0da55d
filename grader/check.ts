// `await check('02-perceptron')` in a notebook: runs that exercise's public tests against
// exercises/ (through the same supervisor and sandbox as the grader) and shows a table.
import type { TestOutcome } from './report';
import { typeErrorsText } from './report';
import { InputError, OptionError, describeValue } from '../src/engine/errors';
import { checkOptions, optionKeys } from '../src/engine/options';

/** The outcome of check(): printable (its toString is the table). */
export interface CheckResult {
  exercise: string;
  score: number;
  maxScore: number;
  tests: TestOutcome[];
  /** the pass/fail table with the hints */
  table: string;
  toString(): string;
}

/** Options of check. */
export interface CheckOptions {
  /** print the table (in a notebook it appears under the cell). @default true */
  print?: boolean;
  /** folder of the exercise files. @default <project>/exercises */
  target?: string;
}

/** The option names of check(), listed once. */
const CHECK_KEYS = optionKeys<CheckOptions>()('print', 'target');

/** A failure that only says a function is still the starter's stub: its name and where the notebook explains it. */
export function notImplemented(output: string): { fn: string; where: string } | undefined {
  const m = /^(\w+) is not implemented yet\b[^\n]*?(?:The notebook explains it: ([^\n]+?)\.?)?$/m.exec(output);
  return m ? { fn: m[1], where: m[2] ?? '' } : undefined;
}

/**
 * Formats the check table: one score line (saying that it counts the public tests), the type
 * errors if any, one line per public test, then what to fix: every function still to write named once, however many tests
 * call it, and the first other failures with their hints.
 */
export function checkTable(exercise: string, score: number, maxScore: number, tests: TestOutcome[], typeErrors?: string): string {
  if (typeof exercise !== 'string') throw new InputError(`checkTable: exercise: expected a name, got ${describeValue(exercise)}`);
  for (const [what, v] of [['score', score], ['maxScore', maxScore]] as const) {
    // Points may be fractional (half points); beyond 2⁵³ they are no longer exact.
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) {
      throw new InputError(`checkTable: ${what}: expected a number of points from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(v)}`);
    }
  }
  if (score > maxScore) throw new InputError(`checkTable: score: expected at most maxScore (${maxScore}), got ${score}`);
  if (!Array.isArray(tests)) throw new InputError(`checkTable: tests: expected a list of test outcomes, got ${describeValue(tests)}`);
  const lines = [`${exercise}: ${score} / ${maxScore} points (public tests; the grader also runs hidden tests after the due date)`];
  // Type errors first: the tests ran on the code as written, and a failure may come from them.
  if (typeErrors) lines.push('', typeErrorsText(exercise, typeErrors));
  const stubs = new Map<string, string>(); // function → where the notebook explains it, in the order the tests met them
  const failed: TestOutcome[] = [];
  for (const t of tests) {
    const stub = t.status === 'passed' ? undefined : notImplemented(t.output);
    if (stub && !stubs.has(stub.fn)) stubs.set(stub.fn, stub.where);
    if (t.status !== 'passed' && !stub) failed.push(t);
    const mark = t.status === 'passed' ? '✓' : '✗';
    const note = stub ? ` (${stub.fn} not implemented yet)` : '';
    lines.push(`  ${mark} [${t.id}] ${t.name === t.id ? '' : t.name}${note}`.trimEnd());
  }
  if (stubs.size || failed.length) lines.push('', 'What to fix:');
  if (stubs.size) {
    lines.push(`  Not implemented yet: ${[...stubs.keys()].join(', ')}. Replace each "throw new NotImplemented(...)" line with your code.`);
    const byPlace = new Map<string, string[]>();
    for (const [fn, where] of stubs) byPlace.set(where, [...(byPlace.get(where) ?? []), fn]);
    for (const [where, fns] of byPlace) if (where) lines.push(`    ${fns.join(', ')}: ${where}`);
  }
  for (const t of failed.slice(0, 5)) {
    lines.push(`  [${t.id}]`);
    for (const l of t.output.split('\n').slice(0, 8)) lines.push(`    ${l}`);
  }
  if (failed.length > 5) lines.push(`  … and ${failed.length - 5} more`);
  if (tests.length && !stubs.size && !failed.length) lines.push('', 'All public tests pass.');
  return lines.join('\n');
}

/** Runs the public tests of one exercise against your exercises/ folder and shows what to fix. */
export async function check(exercise: string, options: CheckOptions = {}): Promise<CheckResult> {
  // Everything is checked before a single test runs (a typo must not cost a whole grading run).
  checkOptions('check: options', options, CHECK_KEYS);
  if (options.print !== undefined && typeof options.print !== 'boolean') throw new OptionError(`check: print: expected true or false, got ${describeValue(options.print)}`);
  if (options.target !== undefined && typeof options.target !== 'string') throw new OptionError(`check: target: expected a folder path, got ${describeValue(options.target)}`);
  if (typeof exercise !== 'string') throw new InputError(`check: expected the name of an exercise, got ${describeValue(exercise)}`);
  const path = require('path') as typeof import('path');
  const os = require('os') as typeof import('os');
  const { gradeSubmission, projectRoot } = require('./supervise') as typeof import('./supervise');
  const { loadManifest } = require('./manifest') as typeof import('./manifest');
  const root = projectRoot();
  const manifest = loadManifest(path.join(root, 'grading', 'manifest.json'));
  if (!manifest.exercises[exercise]) {
    throw new InputError(`check: unknown exercise '${exercise}'; expected one of ${Object.keys(manifest.exercises).map((e) => `'${e}'`).join(', ')}`);
  }
  const outDir = path.join(os.tmpdir(), `annlab-check-${process.pid}`);
  const r = await gradeSubmission({ submission: options.target ?? path.join(root, 'exercises'), exercises: [exercise], hidden: false, outDir, timeoutMs: 90000 });
  (require('fs') as typeof import('fs')).rmSync(outDir, { recursive: true, force: true });
  const tests = r.tests.filter((t) => t.visibility === 'visible');
  const table = checkTable(exercise, r.score, r.maxScore, tests, r.exercises[0]?.typeErrors);
  if (options.print ?? true) console.log(table);
  // The score line is printed once: a notebook shows the returned value too, so it adds nothing after the table.
  const summary = options.print ?? true ? '' : `${exercise}: ${r.score} / ${r.maxScore} points (public tests)`;
  return {
    exercise,
    score: r.score,
    maxScore: r.maxScore,
    tests,
    table,
    toString: () => table,
    // A notebook shows the returned value with util.inspect (tslab logs it).
    [Symbol.for('nodejs.util.inspect.custom')]: () => summary,
  } as CheckResult;
}
