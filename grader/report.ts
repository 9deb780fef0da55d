// From jest's JSON output and the manifest to a grade report. Points and denominators
// come from the manifest only; what jest reports can only mark a manifest test as passed.
import { Manifest, Visibility, maxPoints, testId } from './manifest';
import type { SlowCall } from './call-log';

/** The result of one manifest test. */
export interface TestOutcome {
  id: string;
  exercise: string;
  /** the test's name as written (without the id), or the id when it did not run */
  name: string;
  status: 'passed' | 'failed' | 'not run';
  score: number;
  maxScore: number;
  visibility: Visibility;
  /** what the student reads: the failure message, cleaned */
  output: string;
}

/** The result of one exercise. */
export interface ExerciseOutcome {
  name: string;
  title: string;
  score: number;
  maxScore: number;
  /** the first failing test's id and hint (or message), '' when all passed */
  firstFailure: string;
  /** set when the exercise file does not compile */
  compileError?: string;
  /** whether the submission held this exercise's file (else the starter was graded); absent when unknown */
  handedIn?: boolean;
  /** the type checker's messages (the notebooks' TypeScript), when the file has type errors;
   *  the tests still ran on the code as written */
  typeErrors?: string;
  /** calls that came close to their time limit, the closest first */
  slowCalls?: SlowCall[];
}

/** A whole grade report. */
export interface GradeReport {
  score: number;
  maxScore: number;
  exercises: ExerciseOutcome[];
  tests: TestOutcome[];
  /** problems of the run itself (jest killed, suite failed to load, ...), for the lecturer */
  notes: string[];
  /** which tests the points count, said beside every total */
  counts: Counted;
}

/** The tests a score counts: check() in a notebook counts the public ones, the grader all of them. */
export type Counted = 'public tests' | 'public and hidden tests';

/** The subset of jest's --json output that the report reads. */
export interface JestJson {
  testResults?: {
    name?: string;
    status?: string;
    message?: string;
    assertionResults?: { title?: string; fullName?: string; status?: string; failureMessages?: string[] }[];
  }[];
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
// C0/C1 control characters except tab and newline, and lone surrogates: never valid in XML.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Makes any text safe to show and to put in XML: no ANSI codes or control characters, bounded. */
export function cleanText(text: string, maxChars = 4000): string {
  let s = String(text).replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
  if (s.length > maxChars) s = s.slice(0, maxChars) + `\n… (${s.length - maxChars} more characters cut)`;
  return s;
}

/** A jest failure message without jest's stack trace: the part a student can act on. */
export function failureText(messages: string[] | undefined): string {
  const raw = cleanText((messages ?? []).join('\n'), 20000);
  const lines = raw.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s+at .*(node_modules|test\/support|src\/grader|node:internal|\(<anonymous>\))/.test(line)) continue;
    if (/^\s+at /.test(line) && !/exercises\//.test(line)) continue;
    kept.push(line);
  }
  return cleanText(kept.join('\n').replace(/^(StudentCodeError|GradeMismatch|Error): /, '').trim(), 3000);
}

/** The hint of a failure message, or its first line. */
export function firstHint(output: string): string {
  const m = /Hint: ([^\n]+)/.exec(output);
  const first = output.split('\n').find((l) => l.trim()) ?? '';
  return cleanText(m ? `${first.trim()} — ${m[1].trim()}` : first.trim(), 300);
}

/** Options of buildReport. */
export interface BuildOptions {
  /** exercises to grade. @default all in the manifest */
  exercises?: string[];
  /** include after_due_date tests (the lecturer's copy). @default true */
  hidden?: boolean;
  /** exercise → compiler message, for files that do not compile */
  compileErrors?: Record<string, string>;
  /** exercise → type checker messages, for files with type errors */
  typeErrors?: Record<string, string>;
  /** 'zero': an exercise with type errors scores 0 (its tests are still reported). @default 'feedback' */
  typeErrorPolicy?: 'feedback' | 'zero';
  /** why tests may not have run (e.g. 'the grading run was stopped after 120 s') */
  runProblem?: string;
}

/** Builds the report: every manifest test gets a row, passed only if jest says so. */
export function buildReport(manifest: Manifest, jest: JestJson | undefined, o: BuildOptions = {}): GradeReport {
  const names = o.exercises ?? Object.keys(manifest.exercises);
  const hidden = o.hidden ?? true;
  const notes: string[] = [];
  if (o.runProblem) notes.push(o.runProblem);
  const seen = new Map<string, { status: string; title: string; messages: string[] }>();
  const suiteErrors = new Map<string, string>(); // exercise → why its suite failed to run
  for (const file of jest?.testResults ?? []) {
    const base = (file.name ?? '').split(/[\\/]/).pop() ?? '';
    const ex = base.replace(/\.test\.ts$/, '');
    if (file.status === 'failed' && (!file.assertionResults || file.assertionResults.length === 0) && file.message) {
      const msg = failureText([file.message]);
      suiteErrors.set(ex, msg);
      notes.push(`${base}: the test file failed to run: ${msg.split('\n')[0]}`);
    }
    for (const a of file.assertionResults ?? []) {
      const id = testId(a.title ?? '');
      if (!id) continue;
      // A duplicate id counts as passed only if every test with it passed.
      const prev = seen.get(id);
      if (prev && prev.status === 'failed') continue;
      seen.set(id, { status: a.status ?? 'failed', title: a.title ?? id, messages: a.failureMessages ?? [] });
    }
  }
  const tests: TestOutcome[] = [];
  const exercises: ExerciseOutcome[] = [];
  for (const name of names) {
    const ex = manifest.exercises[name];
    if (!ex) {
      notes.push(`exercise '${name}' is not in the manifest`);
      continue;
    }
    const compileError = o.compileErrors?.[name];
    const typeErrors = compileError ? undefined : o.typeErrors?.[name];
    const typesCost = typeErrors !== undefined && o.typeErrorPolicy === 'zero';
    let score = 0;
    let firstFailure = '';
    for (const [id, t] of Object.entries(ex.tests)) {
      if (t.visibility === 'after_due_date' && !hidden) continue;
      const r = seen.get(id);
      let status: TestOutcome['status'];
      let output: string;
      if (r && r.status === 'passed' && !compileError) {
        status = 'passed';
        output = '';
      } else if (r && r.status === 'failed') {
        status = 'failed';
        output = failureText(r.messages) || 'failed';
      } else {
        status = 'not run';
        output = compileError
          ? `not run: exercises/${name}.ts does not compile:\n${compileError}`
          : `not run: ${suiteErrors.get(name) ?? o.runProblem ?? 'the test did not report a result'}`;
      }
      if (compileError && status !== 'not run') output = `exercises/${name}.ts does not compile:\n${compileError}`;
      const points = status === 'passed' && !typesCost ? t.points : 0;
      score += points;
      if (status !== 'passed' && !firstFailure) firstFailure = `[${id}] ${firstHint(output)}`;
      const title = r ? r.title.replace(/^\[[^\]]*\]\s*/, '') : id;
      tests.push({ id, exercise: name, name: title, status, score: points, maxScore: t.points, visibility: t.visibility, output });
    }
    const max = hidden ? maxPoints(ex) : maxPoints(ex, true);
    exercises.push({ name, title: ex.title, score, maxScore: max, firstFailure, ...(compileError ? { compileError } : {}), ...(typeErrors ? { typeErrors } : {}) });
  }
  const score = exercises.reduce((s, e) => s + e.score, 0);
  const maxScore = exercises.reduce((s, e) => s + e.maxScore, 0);
  return { score: round(score), maxScore: round(maxScore), exercises, tests, notes, counts: hidden ? 'public and hidden tests' : 'public tests' };
}

/** How type errors read in the feedback: before anything else about the exercise. */
export function typeErrorsText(exercise: string, messages: string): string {
  return `exercises/${exercise}.ts has type errors (the tests ran on the code as written):\n${messages}`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
