// npm run grade [-- --solutions | --submission DIR | --submissions DIR --jobs N] [--exercise a,b] [--out DIR] [--no-hidden] [--timeout S]
import * as fs from 'fs';
import * as path from 'path';
import { gradeSubmission, projectRoot } from '../grader/supervise';
import { gradeSubmissions } from '../grader/batch';
import { GRADE_USAGE, UsageError, parseGradeArgs } from '../grader/cli';
import { loadManifest } from '../grader/manifest';

// Killed without a chance to clean up, the parent (npm) leaves this process behind: it follows
// it, and its test processes follow it in turn (they end when their parent's channel closes).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(137);
}, 500).unref();

async function main(): Promise<number> {
  const root = projectRoot();
  const argv = process.argv.slice(2);
  const manifestArg = argv.findIndex((a) => a === '--manifest' || a.startsWith('--manifest='));
  const manifestFile = manifestArg < 0 ? path.join(root, 'grading', 'manifest.json') : path.resolve(argv[manifestArg].includes('=') ? argv[manifestArg].split('=')[1] : argv[manifestArg + 1] ?? '');
  let names: string[];
  try {
    names = Object.keys(loadManifest(manifestFile).exercises);
  } catch (e) {
    throw new UsageError(`--manifest: ${(e as Error).message.split('\n')[0]}`);
  }
  const cmd = parseGradeArgs(argv, (d) => fs.existsSync(d) && fs.statSync(d).isDirectory(), names);
  if (cmd.help) {
    console.log(GRADE_USAGE);
    return 0;
  }
  const common = { exercises: cmd.exercises, hidden: cmd.hidden, timeoutMs: cmd.timeoutMs, outDir: cmd.outDir, manifestFile, typeErrors: cmd.typeErrors };
  if (cmd.mode === 'submissions') {
    const started = Date.now();
    const r = await gradeSubmissions(path.resolve(cmd.folder as string), {
      ...common,
      jobs: cmd.jobs,
      onDone: (student, rep) => console.log(`${student}: ${rep.score} / ${rep.maxScore}`),
    });
    const n = r.students;
    console.log(`graded ${n} submission${n === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${r.gradebook}`);
    console.log(`class report → ${r.classReport}`);
    return 0;
  }
  if (cmd.mode === 'solutions' && !fs.existsSync(path.join(root, 'solutions'))) {
    throw new UsageError('--solutions: there is no solutions/ folder here (the student copy has none); grade your exercises/ with `npm run grade`');
  }
  const submission = cmd.mode === 'solutions' ? path.join(root, 'solutions') : cmd.mode === 'submission' ? path.resolve(cmd.folder as string) : path.join(root, 'exercises');
  const r = await gradeSubmission({ ...common, submission, student: cmd.mode === 'solutions' ? 'solutions' : undefined });
  console.log(r.table);
  console.log(`\nresults: ${path.relative(process.cwd(), r.outDir) || '.'}/{results.json, junit.xml, results.csv, report.txt}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    // 2: the command line was wrong (nothing graded or written); 1: the grader itself failed.
    console.error(`grade: ${(e as Error).message}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
