// npm run grade [-- --solutions | --submission DIR | --submissions DIR --jobs N] [--exercise a,b] [--out DIR] [--no-hidden] [--timeout S]
import { gradeSubmission, gradeSubmissions, projectRoot } from '../grader/supervise';
import * as fs from 'fs';
import * as path from 'path';

function parse(argv: string[]): Record<string, string | true> {
  const o: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) o[k] = v;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) o[k] = argv[++i];
    else o[k] = true;
  }
  return o;
}

const USAGE = `usage: npm run grade [-- options]
  (no option)            grade exercises/ (your work)
  --solutions            grade solutions/ (the reference: must score full marks)
  --submission DIR       grade one submission (DIR/exercises/*.ts or DIR/*.ts)
  --submissions DIR      grade every sub-folder of DIR (one per student) into a gradebook
  --jobs N               submissions graded in parallel (default 1)
  --exercise a,b         grade only these exercises
  --out DIR              where results go (default build/grade, or build/grades for --submissions)
  --no-hidden            skip the hidden tests even if present
  --timeout S            bound on one whole grading run, seconds (default 120)`;

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const root = projectRoot();
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const common = {
    exercises: str('exercise')?.split(',').map((s) => s.trim()).filter(Boolean),
    hidden: o['no-hidden'] ? false : undefined,
    timeoutMs: str('timeout') ? Number(str('timeout')) * 1000 : undefined,
    outDir: str('out'),
    manifestFile: str('manifest') ? path.resolve(str('manifest') as string) : undefined,
  };
  if (str('submissions')) {
    const started = Date.now();
    const r = await gradeSubmissions(path.resolve(str('submissions') as string), {
      ...common,
      jobs: Number(str('jobs') ?? 1),
      onDone: (student, rep) => console.log(`${student}: ${rep.score} / ${rep.maxScore}`),
    });
    console.log(`graded ${r.students} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s → ${r.gradebook}`);
    console.log(`class report → ${r.classReport}`);
    return 0;
  }
  if (o.solutions && !fs.existsSync(path.join(root, 'solutions'))) {
    throw new Error('--solutions: there is no solutions/ folder here (the student copy has none); grade your exercises/ with `npm run grade`');
  }
  const submission = o.solutions ? path.join(root, 'solutions') : str('submission') ? path.resolve(str('submission') as string) : path.join(root, 'exercises');
  const r = await gradeSubmission({ ...common, submission, student: o.solutions ? 'solutions' : undefined });
  console.log(r.table);
  console.log(`\nresults: ${path.relative(process.cwd(), r.outDir) || '.'}/{results.json, junit.xml, results.csv, report.txt}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`grade: ${(e as Error).message}`);
    process.exit(2);
  },
);
