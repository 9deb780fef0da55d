// The grader's command line (npm run grade): every flag is checked before anything is graded
// or written; a mistake is one line naming the flag, and exit code 2.
import type { TypeErrorPolicy } from './supervise';

/** A mistake on the command line: its message names the flag and what it expected. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What `npm run grade -- …` asked for. */
export interface GradeCommand {
  help: boolean;
  mode: 'exercises' | 'solutions' | 'submission' | 'submissions';
  /** the folder graded (submission, or submissions' parent) */
  folder?: string;
  jobs: number;
  exercises?: string[];
  outDir?: string;
  hidden?: boolean;
  timeoutMs?: number;
  manifestFile?: string;
  typeErrors?: TypeErrorPolicy;
}

export const GRADE_USAGE = `usage: npm run grade [-- options]
  (no option)            grade exercises/ (your work)
  --solutions            grade solutions/ (the reference: must score full marks)
  --submission DIR       grade one submission (DIR/exercises/*.ts or DIR/*.ts)
  --submissions DIR      grade every sub-folder of DIR (one per student) into a gradebook
  --jobs N               submissions graded in parallel, 1 to 64 (default 1)
  --exercise a,b         grade only these exercises
  --out DIR              where results go (default build/grade, or build/grades for --submissions)
  --no-hidden            skip the hidden tests even if present
  --timeout S            bound on one whole grading run, seconds, 1 to 86400 (default 120)
  --type-errors P        feedback: type errors are reported first (default); zero: they also score the exercise 0
  --manifest FILE        the points manifest (default grading/manifest.json)`;

const FLAGS: Record<string, 'bool' | 'value'> = {
  help: 'bool',
  solutions: 'bool',
  'no-hidden': 'bool',
  submission: 'value',
  submissions: 'value',
  jobs: 'value',
  exercise: 'value',
  out: 'value',
  timeout: 'value',
  manifest: 'value',
  'type-errors': 'value',
};

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag}: expected a whole number from ${min} to ${max}, got '${text}'`);
  }
  return n;
}

/**
 * Parses the grader's arguments; `exists(path)` says whether a folder exists and
 * `exerciseNames` are the manifest's exercises. Throws a UsageError on the first mistake.
 */
export function parseGradeArgs(argv: string[], exists: (dir: string) => boolean, exerciseNames: string[]): GradeCommand {
  const seen = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}': options start with -- (see --help)`);
    const eq = a.indexOf('=');
    const flag = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const kind = FLAGS[flag];
    if (!kind) {
      const near = Object.keys(FLAGS).find((f) => f.startsWith(flag.slice(0, 3)) || flag.startsWith(f));
      throw new UsageError(`unknown option --${flag}${near ? ` (did you mean --${near}?)` : ''}; see --help`);
    }
    if (seen.has(flag)) throw new UsageError(`--${flag} is given twice`);
    if (kind === 'bool') {
      if (eq >= 0) throw new UsageError(`--${flag} takes no value`);
      seen.set(flag, true);
    } else {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${flag} needs a value`);
      seen.set(flag, value);
    }
  }
  const str = (f: string) => seen.get(f) as string | undefined;
  const cmd: GradeCommand = { help: seen.has('help'), mode: 'exercises', jobs: 1 };
  if (cmd.help) return cmd;
  const modes = ['solutions', 'submission', 'submissions'].filter((m) => seen.has(m));
  if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} exclude each other`);
  if (modes.length) cmd.mode = modes[0] as GradeCommand['mode'];
  for (const f of ['submission', 'submissions'] as const) {
    const dir = str(f);
    if (dir === undefined) continue;
    if (!exists(dir)) throw new UsageError(`--${f}: there is no folder ${dir}`);
    cmd.folder = dir;
  }
  if (seen.has('jobs')) {
    if (cmd.mode !== 'submissions') throw new UsageError('--jobs applies to --submissions only');
    cmd.jobs = integer('jobs', str('jobs') as string, 1, 64);
  }
  if (seen.has('timeout')) cmd.timeoutMs = integer('timeout', str('timeout') as string, 1, 86400) * 1000;
  if (seen.has('exercise')) {
    const list = (str('exercise') as string).split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((e) => !exerciseNames.includes(e));
    if (!list.length || unknown.length) throw new UsageError(`--exercise: unknown exercise${unknown.length > 1 ? 's' : ''} ${unknown.map((e) => `'${e}'`).join(', ') || "''"}; expected some of ${exerciseNames.join(', ')}`);
    cmd.exercises = list;
  }
  if (seen.has('type-errors')) {
    const p = str('type-errors');
    if (p !== 'feedback' && p !== 'zero') throw new UsageError(`--type-errors: expected feedback or zero, got '${p}'`);
    cmd.typeErrors = p;
  }
  if (seen.has('no-hidden')) cmd.hidden = false;
  cmd.outDir = str('out');
  cmd.manifestFile = str('manifest');
  return cmd;
}
