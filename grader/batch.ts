// A class at once: every sub-folder of a folder is one student's submission. Each student's
// results go to a folder of their own; the gradebook is written once, atomically, when every
// student is graded, and OUT/run.json says whether the run completed. A run that was stopped
// (even by kill -9) leaves no gradebook; the next run into the same folder starts afresh and
// writes the gradebook an uninterrupted run would have written.
import type { GradeReport } from './report';
import { GradeOptions, GraderSetupError, RESULT_FILES, gradeSubmission, projectRoot } from './supervise';
import { csvField, csvHeader, csvRow, writeAtomic } from './writers';
import { writeClassReport } from './class-report/write';
import { TypeChecker } from './type-check';

/** One student of a batch: the folder's name and where their results go. */
export interface BatchStudent {
  /** the sub-folder's name, as in the gradebook */
  name: string;
  /** the name of their results folder: unique, safe on every file system */
  outName: string;
}

/**
 * Safe, distinct folder names for the students: characters other than letters, digits, '.', '_'
 * and '-' become '_', and names that then collide, ignoring case (macOS and Windows), get
 * '-2', '-3', … in sorted order, so no student's results overwrite another's.
 */
export function outputNames(students: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of [...students].sort()) {
    const base = s.normalize('NFC').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    taken.add(name.toLowerCase());
    out.set(s, name);
  }
  return out;
}

/** The students of a batch folder: every entry that is a folder, or a link (graded as an empty
 *  submission whose note says that links are refused). */
export function batchStudents(dir: string): BatchStudent[] {
  const fs = require('fs') as typeof import('fs');
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => !d.name.startsWith('.') && (d.isDirectory() || d.isSymbolicLink()));
  const names = outputNames(entries.map((d) => d.name));
  return entries.map((d) => ({ name: d.name, outName: names.get(d.name) as string })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What OUT/run.json records. */
export interface BatchRun {
  complete: boolean;
  started: string;
  finished?: string;
  students: number;
  graded: number;
}

/** Grades every sub-folder of `dir` (one per student), `jobs` at a time, into
 *  `<outDir>/<student>/` and one `<outDir>/gradebook.csv`. One broken submission never stops the batch. */
export async function gradeSubmissions(
  dir: string,
  o: GradeOptions & { jobs?: number; onDone?: (student: string, r: GradeReport) => void } = {},
): Promise<{ gradebook: string; students: number; outNames: Map<string, string>; classReport: string }> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const root = o.projectRoot ?? projectRoot();
  const outDir = path.resolve(o.outDir ?? path.join(root, 'build', 'grades'));
  const students = batchStudents(dir);
  const gradebook = path.join(outDir, 'gradebook.csv');
  const runFile = path.join(outDir, 'run.json');
  // A fresh start: nothing of an earlier (perhaps interrupted) run may pass for this one's.
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(gradebook, { force: true });
  for (const s of students) for (const f of RESULT_FILES) fs.rmSync(path.join(outDir, s.outName, f), { force: true });
  const run: BatchRun = { complete: false, started: new Date().toISOString(), students: students.length, graded: 0 };
  writeAtomic(runFile, JSON.stringify(run, null, 2) + '\n');
  const rows = new Map<string, string>();
  let header = '';
  let next = 0;
  const jobs = Math.max(1, o.jobs ?? 1);
  // One type checker for the class: TypeScript and the course's declarations are read once.
  const typeChecker = o.typeChecker ?? new TypeChecker(root);
  const worker = async () => {
    while (next < students.length) {
      const s = students[next++];
      try {
        const r = await gradeSubmission({ ...o, submission: path.join(dir, s.name), outDir: path.join(outDir, s.outName), student: s.name, maxWorkers: o.maxWorkers ?? 1, typeChecker });
        header = header || csvHeader(r);
        rows.set(s.name, csvRow(s.name, r));
        o.onDone?.(s.name, r);
      } catch (e) {
        if (e instanceof GraderSetupError) throw e; // every student would fail alike: stop here
        rows.set(s.name, [s.name, 0, '', `grader error: ${(e as Error).message}`].map(csvField).join(','));
      }
      run.graded++;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, students.length) }, worker));
  } finally {
    if (!o.typeChecker) typeChecker.close();
  }
  writeAtomic(gradebook, [header || 'student,score,max_score', ...students.map((s) => rows.get(s.name) ?? `${csvField(s.name)},0`)].join('\n') + '\n');
  // The class report (OUT/report.html, each student's OUT/<student>/feedback.html), from the results files.
  const classReport = writeClassReport(outDir, { names: Object.fromEntries(students.map((s) => [s.outName, s.name])) }).file;
  writeAtomic(runFile, JSON.stringify({ ...run, complete: true, finished: new Date().toISOString() }, null, 2) + '\n');
  return { gradebook, students: students.length, outNames: new Map(students.map((s) => [s.name, s.outName])), classReport };
}
