// A class at a glance, from the results.json that the grader writes for each student:
// scores, each test's pass rate with the class's most common failure, who handed in
// nothing, files that do not compile or have type errors, calls close to their time limit.
// Pure: the reading of files lives in write.ts.
import type { ExerciseOutcome } from '../report';
import type { SlowCall } from '../call-log';
import { firstHint } from '../report';

/** The part of a student's results.json (Gradescope's format plus extra_data.annlab) read here. */
export interface ResultsJson {
  score?: number;
  tests?: { name?: string; score?: number; max_score?: number; status?: string; output?: string; tags?: string[]; visibility?: string }[];
  extra_data?: { annlab?: { exercises?: ExerciseOutcome[]; notes?: string[] } };
}

/** One student's results as read from OUT/<folder>/results.json. */
export interface StudentResults {
  student: string;
  /** the student's folder under OUT (links to the feedback) */
  folder: string;
  results: ResultsJson;
}

/** One exercise of one student. */
export interface StudentExercise {
  name: string;
  score: number;
  maxScore: number;
  /** undefined: the results file does not say */
  handedIn?: boolean;
  compileError?: string;
  typeErrors?: string;
  slowCalls: SlowCall[];
}

/** One student in the summary. */
export interface StudentSummary {
  student: string;
  folder: string;
  score: number;
  maxScore: number;
  exercises: StudentExercise[];
}

/** A failure message shared by several students on one test. */
export interface Mistake {
  /** the hint (or the message's first line), as the student read it */
  text: string;
  students: number;
  /** share of the class, 0…1 */
  share: number;
}

/** One test across the class. */
export interface TestSummary {
  id: string;
  exercise: string;
  name: string;
  visibility: string;
  maxScore: number;
  passed: number;
  students: number;
  /** passed / students, 0…1 */
  passRate: number;
  /** the failures, most common first ("not implemented yet" counted apart) */
  mistakes: Mistake[];
  /** students who failed because the function is not written yet */
  notImplemented: number;
}

/** The whole class. */
export interface ClassSummary {
  exercises: { name: string; title: string; maxScore: number }[];
  students: StudentSummary[];
  /** sorted by pass rate, lowest first */
  tests: TestSummary[];
}

const NOT_IMPLEMENTED = /not implemented yet/;

/** `[id] name` → id and name. */
function splitName(full: string): { id: string; name: string } {
  const m = /^\[([^\]]+)\]\s*(.*)$/.exec(full);
  return m ? { id: m[1], name: m[2] || m[1] } : { id: full, name: full };
}

/** What a student reads first of a failure: its hint when it has one, else its first line. */
export function mistakeText(output: string): string {
  const m = /Hint: ([^\n]+)/.exec(output);
  if (m) return m[1].trim();
  return firstHint(output).replace(/\d+(\.\d+)?(e-?\d+)?/g, '…'); // numbers differ between students
}

/** Summarises a class. Students are listed by name; tests by pass rate, lowest first. */
export function summarise(all: StudentResults[]): ClassSummary {
  const students = [...all].sort((a, b) => a.student.localeCompare(b.student));
  const exercises: ClassSummary['exercises'] = [];
  const seenEx = new Set<string>();
  const tests = new Map<string, TestSummary & { texts: Map<string, number> }>();
  const out: StudentSummary[] = [];
  for (const s of students) {
    const annlab = s.results.extra_data?.annlab;
    const exs: StudentExercise[] = [];
    const byEx = new Map<string, { score: number; max: number }>();
    for (const t of s.results.tests ?? []) {
      const { id, name } = splitName(t.name ?? '');
      const exercise = t.tags?.[0] ?? id.split('.')[0];
      const e = byEx.get(exercise) ?? { score: 0, max: 0 };
      e.score += t.score ?? 0;
      e.max += t.max_score ?? 0;
      byEx.set(exercise, e);
      let ts = tests.get(id);
      if (!ts) {
        ts = { id, exercise, name, visibility: t.visibility ?? 'visible', maxScore: t.max_score ?? 0, passed: 0, students: 0, passRate: 0, mistakes: [], notImplemented: 0, texts: new Map() };
        tests.set(id, ts);
      }
      ts.students++;
      if (t.status === 'passed') ts.passed++;
      else if (NOT_IMPLEMENTED.test(t.output ?? '')) ts.notImplemented++;
      else {
        const text = mistakeText(t.output ?? 'failed');
        ts.texts.set(text, (ts.texts.get(text) ?? 0) + 1);
      }
    }
    const outcomes = new Map((annlab?.exercises ?? []).map((e) => [e.name, e]));
    for (const [name, e] of byEx) {
      const o = outcomes.get(name);
      if (!seenEx.has(name)) {
        seenEx.add(name);
        exercises.push({ name, title: o?.title ?? name, maxScore: e.max });
      }
      exs.push({
        name,
        score: round(e.score),
        maxScore: round(e.max),
        handedIn: o?.handedIn,
        ...(o?.compileError ? { compileError: o.compileError } : {}),
        ...(o?.typeErrors ? { typeErrors: o.typeErrors } : {}),
        slowCalls: o?.slowCalls ?? [],
      });
    }
    const score = exs.reduce((a, e) => a + e.score, 0);
    out.push({ student: s.student, folder: s.folder, score: round(s.results.score ?? score), maxScore: round(exs.reduce((a, e) => a + e.maxScore, 0)), exercises: exs });
  }
  const testList = [...tests.values()].map(({ texts, ...t }) => {
    const mistakes = [...texts.entries()]
      .map(([text, n]) => ({ text, students: n, share: n / t.students }))
      .sort((a, b) => b.students - a.students || a.text.localeCompare(b.text));
    return { ...t, passRate: t.students ? t.passed / t.students : 0, mistakes };
  });
  testList.sort((a, b) => a.passRate - b.passRate || a.id.localeCompare(b.id));
  return { exercises, students: out, tests: testList };
}

/** Students who handed in no file for an exercise: exercise → students. */
export function missingWork(c: ClassSummary): { exercise: string; students: string[] }[] {
  return c.exercises
    .map((e) => ({ exercise: e.name, students: c.students.filter((s) => s.exercises.some((x) => x.name === e.name && x.handedIn === false)).map((s) => s.student) }))
    .filter((m) => m.students.length > 0);
}

/** A file that does not compile, or compiles with type errors. */
export interface BrokenFile {
  student: string;
  folder: string;
  exercise: string;
  kind: 'does not compile' | 'type errors';
  message: string;
}

/** Files that do not compile or have type errors, one row per student and exercise. */
export function brokenFiles(c: ClassSummary): BrokenFile[] {
  return c.students.flatMap((s) =>
    s.exercises.flatMap((e): BrokenFile[] =>
      e.compileError
        ? [{ student: s.student, folder: s.folder, exercise: e.name, kind: 'does not compile', message: e.compileError }]
        : e.typeErrors
          ? [{ student: s.student, folder: s.folder, exercise: e.name, kind: 'type errors', message: e.typeErrors }]
          : [],
    ),
  );
}

/** Calls that came close to (or hit) their time limit, the closest first. */
export function slowCalls(c: ClassSummary): (SlowCall & { student: string })[] {
  return c.students
    .flatMap((s) => s.exercises.flatMap((e) => e.slowCalls.map((x) => ({ ...x, student: s.student }))))
    .sort((a, b) => b.ms / b.limitMs - a.ms / a.limitMs);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
