// The supervisor: copies a submission's exercise files into a fresh work folder, runs
// the lecturer's tests with jest in a child process group under a time bound, and alone
// writes the results (atomically, always, with the denominators of the manifest).
import type { GradeReport, JestJson } from './report';
import { buildReport } from './report';
import { loadManifest } from './manifest';
import { addSubmissionFacts } from './submission-facts';
import { writeClassReport } from './class-report/write';
import { csvField, csvHeader, csvRow, gradescopeJson, junitXml, scoreTable, writeAtomic } from './writers';

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
  /** bound on the whole jest run, ms. @default 120000 */
  timeoutMs?: number;
  /** jest workers. @default 2 */
  maxWorkers?: number;
  /** name in the CSV row. @default the submission folder's name */
  student?: string;
  /** the lecturer's project (manifest, tests). @default this project */
  projectRoot?: string;
  /** per-call time limit of the sandbox, ms (ANNLAB_CALL_TIMEOUT_MS). @default 2000 */
  callTimeoutMs?: number;
  /** the manifest file. @default <project>/grading/manifest.json */
  manifestFile?: string;
}

/** This project's root folder. */
export function projectRoot(): string {
  const path = require('path') as typeof import('path');
  return path.resolve(__dirname, '..');
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.ts$/;
const MAX_FILE_BYTES = 1024 * 1024;

/** Copies only regular `*.ts` files (no symlinks, ≤ 1 MB) of a submission; missing
 *  files of the starter folder are filled in from it (so they grade as not implemented). */
export function copySubmission(submission: string, starter: string, dest: string): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const notes: string[] = [];
  const src = fs.existsSync(path.join(submission, 'exercises')) ? path.join(submission, 'exercises') : submission;
  fs.mkdirSync(dest, { recursive: true, mode: 0o755 });
  let names: string[] = [];
  try {
    names = fs.readdirSync(src);
  } catch {
    notes.push(`the submission folder ${submission} cannot be read`);
  }
  for (const name of names.sort()) {
    if (!FILE_NAME.test(name)) continue;
    const st = fs.lstatSync(path.join(src, name));
    if (!st.isFile()) {
      notes.push(`${name} is not a regular file: ignored`);
      continue;
    }
    if (st.size > MAX_FILE_BYTES) {
      notes.push(`${name} is larger than 1 MB: ignored`);
      continue;
    }
    fs.writeFileSync(path.join(dest, name), fs.readFileSync(path.join(src, name)), { mode: 0o644 });
  }
  try {
    for (const name of fs.readdirSync(starter)) {
      if (FILE_NAME.test(name) && !fs.existsSync(path.join(dest, name))) {
        fs.copyFileSync(path.join(starter, name), path.join(dest, name));
        fs.chmodSync(path.join(dest, name), 0o644);
      }
    }
  } catch {
    /* no starter folder (a bundle without it): nothing to fill in */
  }
  return notes;
}

/** Syntax errors of each exercise file (empty when it compiles), from TypeScript's transpiler. */
export function compileErrors(dir: string, exercises: string[]): Record<string, string> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const ts = require('typescript') as typeof import('typescript');
  const out: Record<string, string> = {};
  for (const name of exercises) {
    const file = path.join(dir, `${name}.ts`);
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const r = ts.transpileModule(source, { fileName: file, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
    const errs = (r.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errs.length) {
      out[name] = errs
        .slice(0, 5)
        .map((d) => {
          const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
          if (!d.file || d.start === undefined) return msg;
          const lc = d.file.getLineAndCharacterOfPosition(d.start);
          return `exercises/${name}.ts:${lc.line + 1}:${lc.character + 1} - ${msg}`;
        })
        .join('\n');
    }
  }
  return out;
}

interface JestRun {
  json?: JestJson;
  problem?: string;
  seconds: number;
}

/** Runs jest on the given test files in its own process group; kills the group at the bound. */
function runJest(root: string, files: string[], env: NodeJS.ProcessEnv, privateDir: string, o: { timeoutMs: number; maxWorkers: number }): Promise<JestRun> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const { spawn } = require('child_process') as typeof import('child_process');
  const outFile = path.join(privateDir, 'jest.json');
  const args = [
    require.resolve('jest/bin/jest', { paths: [root] }),
    '--config',
    path.join(root, 'jest.config.js'),
    '--rootDir',
    root,
    // test/ whole: a student copy's jest.config.js leaves test/graded/ out of `npm test`.
    '--roots',
    path.join(root, 'test'),
    '--json',
    '--outputFile',
    outFile,
    '--ci',
    '--forceExit',
    '--cacheDirectory',
    path.join(require('os').tmpdir(), 'annlab-jest-cache'),
    `--maxWorkers=${o.maxWorkers}`,
    '--runTestsByPath',
    ...files,
  ];
  const started = Date.now();
  return new Promise<JestRun>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (d: Buffer) => {
      tail = (tail + d.toString('utf8')).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(process.platform !== 'win32' ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, o.timeoutMs);
    const done = (code: number | null, signal: string | null, err?: Error) => {
      clearTimeout(timer);
      // Whatever jest left running in its group goes too.
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      const seconds = (Date.now() - started) / 1000;
      let json: JestJson | undefined;
      try {
        json = JSON.parse(fs.readFileSync(outFile, 'utf8')) as JestJson;
      } catch {
        json = undefined;
      }
      let problem: string | undefined;
      if (timedOut) problem = `the grading run was stopped after ${Math.round(o.timeoutMs / 1000)} s; tests that had not finished score 0`;
      else if (err) problem = `jest could not start: ${err.message}`;
      else if (!json) problem = `jest ended (${signal ? 'signal ' + signal : 'exit code ' + code}) without results: ${tail.trim().split('\n').slice(-3).join(' ')}`;
      resolve({ json: timedOut ? undefined : json, problem, seconds });
    };
    child.on('error', (err) => done(null, null, err));
    child.on('exit', (code, signal) => done(code, signal));
  });
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
  const notes: string[] = [];
  let report: GradeReport;
  // A fresh work folder: the copy (readable by the sandbox user) and a private folder.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-grade-'));
  try {
    fs.chmodSync(work, 0o711);
    const copy = path.join(work, 'submission');
    notes.push(...copySubmission(submission, path.join(root, 'exercises'), copy));
    const privateDir = fs.mkdtempSync(path.join(work, 'private-'));
    fs.chmodSync(privateDir, 0o700);
    const compile = compileErrors(copy, exercises);
    const files: string[] = [];
    for (const e of exercises) {
      for (const f of [path.join(root, 'test', 'graded', `${e}.test.ts`), ...(hidden ? [path.join(hiddenDir, `${e}.test.ts`)] : [])]) {
        if (fs.existsSync(f)) files.push(f);
      }
    }
    // Sandbox children make their working folders here: anything still running in it afterwards is a leftover.
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp, { mode: 0o711 });
    const callLog = path.join(privateDir, 'calls.jsonl');
    const env: NodeJS.ProcessEnv = { ...process.env, ANNLAB_TARGET: copy, TMPDIR: tmp, FORCE_COLOR: '0', NO_COLOR: '1', ANNLAB_CALL_LOG: callLog };
    if (o.callTimeoutMs) env.ANNLAB_CALL_TIMEOUT_MS = String(o.callTimeoutMs);
    const run = files.length
      ? await runJest(root, files, env, privateDir, { timeoutMs: o.timeoutMs ?? 120000, maxWorkers: o.maxWorkers ?? 2 })
      : { json: { testResults: [] }, problem: 'no test files for these exercises', seconds: 0 };
    report = buildReport(manifest, run.json, { exercises, hidden, compileErrors: compile, runProblem: run.problem });
    addSubmissionFacts(report, { submission, copy, callLog });
    const left = killLeftovers(work);
    if (left > 0) report.notes.push(`stopped ${left} process(es) left behind by the run`);
  } catch (e) {
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

/** Processes (Linux /proc) whose working folder lies in `dir`. */
export function processesIn(dir: string): number[] {
  const fs = require('fs') as typeof import('fs');
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${e}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) pids.push(Number(e));
    } catch {
      /* gone, or not ours to see */
    }
  }
  return pids;
}

/** Kills every process still working in `dir`; returns how many there were. */
export function killLeftovers(dir: string): number {
  const pids = processesIn(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return pids.length;
}

/** Grades every sub-folder of `dir` (one per student), `jobs` at a time, into
 *  `<outDir>/<student>/` and one `<outDir>/gradebook.csv`. One broken submission never stops the batch. */
export async function gradeSubmissions(dir: string, o: GradeOptions & { jobs?: number; onDone?: (student: string, r: GradeReport) => void } = {}): Promise<{ gradebook: string; students: number; classReport: string }> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const root = o.projectRoot ?? projectRoot();
  const outDir = path.resolve(o.outDir ?? path.join(root, 'build', 'grades'));
  const students = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  const rows = new Map<string, string>();
  let header = '';
  let next = 0;
  const jobs = Math.max(1, o.jobs ?? 1);
  const worker = async () => {
    while (next < students.length) {
      const student = students[next++];
      const safe = student.replace(/[^A-Za-z0-9._-]/g, '_');
      try {
        const r = await gradeSubmission({ ...o, submission: path.join(dir, student), outDir: path.join(outDir, safe), student, maxWorkers: o.maxWorkers ?? 1 });
        header = header || csvHeader(r);
        rows.set(student, csvRow(student, r));
        o.onDone?.(student, r);
      } catch (e) {
        rows.set(student, [student, 0, '', `grader error: ${(e as Error).message}`].map(csvField).join(','));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, students.length) }, worker));
  const gradebook = path.join(outDir, 'gradebook.csv');
  writeAtomic(gradebook, [header || 'student,score,max_score', ...students.map((s) => rows.get(s) ?? `${s},0`)].join('\n') + '\n');
  const classReport = writeClassReport(outDir, { names: Object.fromEntries(students.map((s) => [s.replace(/[^A-Za-z0-9._-]/g, '_'), s])) }).file;
  return { gradebook, students: students.length, classReport };
}
