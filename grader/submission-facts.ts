// What the class report needs beyond the scores: which exercise files a student handed in,
// which of them have type errors (they still run: the grader transpiles without type
// checks), and which calls came close to their time limit. Added to a GradeReport's exercises.
import type { GradeReport } from './report';
import { readCallLog } from './call-log';

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.ts$/;

/** Exercises whose `<name>.ts` the submission holds as a regular file (in `exercises/` or at its top). */
export function handedIn(submission: string, exercises: string[]): Set<string> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const dir = fs.existsSync(path.join(submission, 'exercises')) ? path.join(submission, 'exercises') : submission;
  const out = new Set<string>();
  for (const name of exercises) {
    try {
      if (FILE_NAME.test(`${name}.ts`) && fs.lstatSync(path.join(dir, `${name}.ts`)).isFile()) out.add(name);
    } catch {
      /* not there */
    }
  }
  return out;
}

/** Type errors of each exercise file of a graded copy (every file of the folder compiled
 *  together, strict, as `tsc` in the project would), at most 5 per file; none for a clean file. */
export function typeErrors(copyDir: string, exercises: string[]): Record<string, string> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const ts = require('typescript') as typeof import('typescript');
  const files = fs.readdirSync(copyDir).filter((f) => FILE_NAME.test(f)).map((f) => path.join(copyDir, f));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    types: [],
    skipLibCheck: true,
  });
  const out: Record<string, string> = {};
  for (const name of exercises) {
    const file = program.getSourceFile(path.join(copyDir, `${name}.ts`));
    if (!file) continue;
    // Syntax errors are the compile errors the report already carries.
    const diags = [...program.getSemanticDiagnostics(file)].filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (!diags.length) continue;
    out[name] = diags
      .slice(0, 5)
      .map((d) => {
        const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        if (d.start === undefined) return msg;
        const lc = file.getLineAndCharacterOfPosition(d.start);
        return `exercises/${name}.ts:${lc.line + 1}:${lc.character + 1} - error TS${d.code}: ${msg}`;
      })
      .join('\n');
  }
  return out;
}

/** Where the grader gathers these facts. */
export interface FactSources {
  /** the student's folder as handed in */
  submission: string;
  /** the graded copy (starter files filled in) */
  copy: string;
  /** the sandbox's log of slow calls (ANNLAB_CALL_LOG) */
  callLog: string;
}

/** Adds handedIn, typeErrors and slowCalls to each exercise of the report (in place). Never throws. */
export function addSubmissionFacts(report: GradeReport, s: FactSources): void {
  const names = report.exercises.map((e) => e.name);
  let given = new Set<string>();
  let types: Record<string, string> = {};
  try {
    given = handedIn(s.submission, names);
    types = typeErrors(s.copy, names);
  } catch (e) {
    report.notes.push(`the type check of the submission failed: ${(e as Error).message}`);
  }
  const calls = readCallLog(s.callLog);
  for (const e of report.exercises) {
    e.handedIn = given.has(e.name);
    if (types[e.name] && !e.compileError) e.typeErrors = types[e.name];
    const slow = calls.filter((c) => c.exercise === e.name);
    if (slow.length) e.slowCalls = slow.sort((a, b) => b.ms / b.limitMs - a.ms / a.limitMs).slice(0, 10);
  }
}
