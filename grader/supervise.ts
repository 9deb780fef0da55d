// The supervisor: copies a submission's exercise files into a fresh work folder, runs the
// lecturer's tests (grader/test-run.ts) under a time bound (student code only ever runs in the sandbox
// children those tests start), type-checks the files meanwhile, and alone writes the results
// (atomically, always, with the denominators of the manifest).
import type { GradeReport } from './report';
import { buildReport } from './report';
import { loadManifest } from './manifest';
import { runTests } from './test-run';
import { cleanStaleRuns, killLeftovers, makeWorkFolder } from './leftovers';
import { copySubmission } from './submission';
import { TypeChecker, typeErrors } from './type-check';
import { studentFiles } from './sandbox/student-files';
import { ISOLATION_ENV, detectIsolation, sandboxUserCanEnter } from './sandbox/launch';
import { gradescopeJson, junitXml, csvHeader, csvRow, scoreTable, writeAtomic } from './writers';
import { addSubmissionFacts } from './submission-facts';

/** Whether type errors cost points: 'feedback' reports them first (the default), 'zero'
 *  also scores an exercise with type errors 0. */
export type TypeErrorPolicy = 'feedback' | 'zero';

/** Options of gradeSubmission. */
export interface GradeOptions {
  /** folder with the student's files: `<dir>/exercises/*.ts`, or `<dir>/*.ts`. @default <project>/exercises */
  submission?: string;
  /** where results.json, junit.xml, results.csv and report.txt go. @default <project>/build/grade */
  outDir?: string;
  /** grade only these exercises. @default all in the manifest */
  exercises?: string[];
  /** run the hidden tests too. @default true when test/hidden exists */
  hidden?: boolean;
  /** bound on the whole test run, ms. @default 120000 */
  timeoutMs?: number;
  /** processes that run test files side by side. @default 2 */
  maxWorkers?: number;
  /** name in the CSV row. @default the submission folder's name */
  student?: string;
  /** the lecturer's project (manifest, tests). @default this project */
  projectRoot?: string;
  /** per-call time limit of the sandbox, ms (ANNLAB_CALL_TIMEOUT_MS). @default 2000 */
  callTimeoutMs?: number;
  /** the manifest file. @default <project>/grading/manifest.json */
  manifestFile?: string;
  /** whether type errors cost points. @default the manifest's "typeErrors", else 'feedback' */
  typeErrors?: TypeErrorPolicy;
  /** where the run's work folder is made. @default the temporary folder (TMPDIR) */
  workRoot?: string;
  /** a type checker kept for several submissions (a batch). @default one for this submission */
  typeChecker?: TypeChecker;
}

/** The grader cannot work on this machine as set up (not the submission's fault): nothing is
 *  graded or written, and the message says what to change. */
export class GraderSetupError extends Error {
  override readonly name = 'GraderSetupError';
}

/** This project's root folder. */
export function projectRoot(): string {
  const path = require('path') as typeof import('path');
  return path.resolve(__dirname, '..');
}

/** The four result files of one submission. */
export const RESULT_FILES = ['results.json', 'junit.xml', 'results.csv', 'report.txt'];

/** Where the grader keeps the tests it compiled (grader/runner/compile-cache.js): the user's
 *  own, mode 700; a GraderSetupError where no such folder can be had. */
export function compiledTestsDirectory(root: string, uid?: number | null): string {
  const { compiledDirectory } = require('./runner/compile-cache') as { compiledDirectory(root: string, uid?: number | null): string };
  try {
    return compiledDirectory(root, uid);
  } catch (e) {
    throw new GraderSetupError((e as Error).message);
  }
}

/** Grades one submission and writes results.json, junit.xml, results.csv and report.txt. */
export async function gradeSubmission(o: GradeOptions = {}): Promise<GradeReport & { table: string; outDir: string; workDir: string }> {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  const root = o.projectRoot ?? projectRoot();
  const outDir = path.resolve(o.outDir ?? path.join(root, 'build', 'grade'));
  const submission = path.resolve(o.submission ?? path.join(root, 'exercises'));
  const student = o.student ?? path.basename(submission);
  const manifest = loadManifest(o.manifestFile ?? path.join(root, 'grading', 'manifest.json'));
  const exercises = (o.exercises ?? Object.keys(manifest.exercises)).filter((e) => manifest.exercises[e]);
  const hiddenDir = path.join(root, 'test', 'hidden');
  const hidden = o.hidden ?? fs.existsSync(hiddenDir);
  const policy = o.typeErrors ?? manifest.typeErrors ?? 'feedback';
  // Results of an earlier run in this folder must not pass for this one's, even if this one dies.
  for (const f of RESULT_FILES) fs.rmSync(path.join(outDir, f), { force: true });
  const workRoot = o.workRoot ?? os.tmpdir();
  cleanStaleRuns(workRoot);
  const notes: string[] = [];
  let report: GradeReport;
  // A fresh work folder: the copy (readable by the sandbox user) and a private folder.
  const work = makeWorkFolder(workRoot);
  try {
    fs.chmodSync(work, 0o711);
    if (!sandboxUserCanEnter(work)) {
      throw new GraderSetupError(
        `the sandbox runs student code as the user 'nobody', who cannot enter the temporary folder ${workRoot}: set TMPDIR to a folder that every user may enter (e.g. /tmp) and grade again`,
      );
    }
    const copy = path.join(work, 'submission');
    notes.push(...copySubmission(submission, path.join(root, 'exercises'), copy));
    const privateDir = fs.mkdtempSync(path.join(work, 'private-'));
    fs.chmodSync(privateDir, 0o700);
    // Syntax errors (a file that does not compile zeroes only its own exercise).
    const compile: Record<string, string> = {};
    for (const e of exercises) {
      const f = studentFiles(copy, e)[e];
      if (f && 'error' in f) compile[e] = f.error.replace(new RegExp(`^${e}\\.ts:`, 'gm'), `exercises/${e}.ts:`);
    }
    // One group per exercise: its public and hidden tests share one sandbox child.
    const testFiles: string[][] = [];
    for (const e of exercises) {
      if (compile[e]) continue; // nothing of it can run
      const group = [path.join(root, 'test', 'graded', `${e}.test.ts`), ...(hidden ? [path.join(hiddenDir, `${e}.test.ts`)] : [])].filter((f) => fs.existsSync(f));
      if (group.length) testFiles.push(group);
    }
    // Sandbox children make their working folders here: anything still running in it afterwards is a leftover.
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp, { mode: 0o711 });
    const callLog = path.join(privateDir, 'calls.jsonl');
    // What this process found out already (the isolation; the transpiled files are cached on
    // disk), the test processes need not find out again.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ANNLAB_TARGET: copy,
      TMPDIR: tmp,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ANNLAB_CALL_LOG: callLog,
      [ISOLATION_ENV]: JSON.stringify(detectIsolation()),
    };
    if (o.callTimeoutMs) env.ANNLAB_CALL_TIMEOUT_MS = String(o.callTimeoutMs);
    const checked = exercises.filter((e) => !compile[e]);
    const types = o.typeChecker ? o.typeChecker.check(copy, checked) : typeErrors(root, copy, checked);
    const run = testFiles.length
      ? await runTests(root, testFiles, { timeoutMs: o.timeoutMs ?? 120000, workers: o.maxWorkers ?? 2, cacheDir: compiledTestsDirectory(root), env })
      : { json: { testResults: [] }, problem: Object.keys(compile).length ? undefined : 'no test files for these exercises', seconds: 0 };
    const typed = await types;
    if (typed.problem) notes.push(typed.problem);
    report = buildReport(manifest, run.json, { exercises, hidden, compileErrors: compile, typeErrors: typed.errors, typeErrorPolicy: policy, runProblem: run.problem });
    addSubmissionFacts(report, { submission, callLog });
    const left = killLeftovers(work);
    if (left > 0) report.notes.push(`stopped ${left} process(es) left behind by the run`);
  } catch (e) {
    if (e instanceof GraderSetupError) throw e;
    // The grader itself failed: still write a report (every test "not run").
    report = buildReport(manifest, undefined, { exercises, hidden, runProblem: `the grader failed: ${(e as Error).message}` });
  } finally {
    try {
      fs.rmSync(work, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
  report.notes.push(...notes);
  const table = scoreTable(report);
  writeAtomic(path.join(outDir, 'results.json'), gradescopeJson(report));
  writeAtomic(path.join(outDir, 'junit.xml'), junitXml(report));
  writeAtomic(path.join(outDir, 'results.csv'), `${csvHeader(report)}\n${csvRow(student, report)}\n`);
  writeAtomic(path.join(outDir, 'report.txt'), table + '\n');
  return { ...report, table, outDir, workDir: work };
}
