// The lecturer's points manifest (grading/manifest.json): the ONLY source of points and
// of denominators. A test that is in the manifest but did not run scores 0 "not run".

/** Who sees a test's result on Gradescope: public tests at once, hidden ones after the due date. */
export type Visibility = 'visible' | 'after_due_date';

/** One graded test. */
export interface ManifestTest {
  /** points when the test passes (finite, ≥ 0) */
  points: number;
  /** 'visible' = test/graded/<exercise>.test.ts; 'after_due_date' = test/hidden/<exercise>.test.ts */
  visibility: Visibility;
}

/** One exercise file exercises/<name>.ts. */
export interface ManifestExercise {
  title: string;
  /** notebook that explains it, e.g. notebooks/02-perceptron.ipynb */
  notebook?: string;
  tests: Record<string, ManifestTest>;
}

/** The whole manifest. */
export interface Manifest {
  exercises: Record<string, ManifestExercise>;
  /** whether type errors cost points: 'feedback' (reported first, no points lost) or 'zero'
   *  (an exercise with type errors scores 0). @default 'feedback' */
  typeErrors?: 'feedback' | 'zero';
}

/** Reads and validates a manifest; throws an Error listing every problem. */
export function loadManifest(file: string): Manifest {
  const fs = require('fs') as typeof import('fs');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the grading manifest ${file}: ${(e as Error).message}`);
  }
  const problems = validateManifest(raw);
  if (problems.length) throw new Error(`the grading manifest ${file} is invalid:\n- ${problems.join('\n- ')}`);
  return raw as Manifest;
}

/** Problems of a manifest value (empty when valid). */
export function validateManifest(raw: unknown): string[] {
  const problems: string[] = [];
  const m = raw as Manifest;
  if (!m || typeof m !== 'object' || !m.exercises || typeof m.exercises !== 'object') return ['expected { "exercises": { ... } }'];
  if (m.typeErrors !== undefined && m.typeErrors !== 'feedback' && m.typeErrors !== 'zero') problems.push(`"typeErrors" must be "feedback" or "zero", not ${JSON.stringify(m.typeErrors)}`);
  for (const [name, ex] of Object.entries(m.exercises)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) problems.push(`exercise name '${name}' must be a file name like '02-perceptron' or '08-learning-rate'`);
    if (!ex || typeof ex !== 'object') {
      problems.push(`exercise '${name}' must be an object`);
      continue;
    }
    if (typeof ex.title !== 'string' || !ex.title) problems.push(`exercise '${name}' needs a title`);
    if (!ex.tests || typeof ex.tests !== 'object') {
      problems.push(`exercise '${name}' needs "tests"`);
      continue;
    }
    for (const [id, t] of Object.entries(ex.tests)) {
      if (!id.startsWith(`${name}.`)) problems.push(`test id '${id}' of exercise '${name}' must start with '${name}.'`);
      if (!t || typeof t.points !== 'number' || !Number.isFinite(t.points) || t.points < 0) problems.push(`test '${id}': points must be a finite number ≥ 0`);
      if (!t || (t.visibility !== 'visible' && t.visibility !== 'after_due_date')) problems.push(`test '${id}': visibility must be 'visible' or 'after_due_date'`);
    }
  }
  return problems;
}

/** Maximum points of one exercise (optionally only its visible tests). */
export function maxPoints(ex: ManifestExercise, visibleOnly = false): number {
  let s = 0;
  for (const t of Object.values(ex.tests)) if (!visibleOnly || t.visibility === 'visible') s += t.points;
  return s;
}

/** The id at the start of a test name: '[tlu.step.zero] step(0) is 1' → 'tlu.step.zero'. */
export function testId(title: string): string | undefined {
  const m = /^\[([^\]\s]+)\]/.exec(title);
  return m ? m[1] : undefined;
}

/** Test ids declared in a test file's source: it('[id] ...') / test("[id] ..."). */
export function testIdsInSource(source: string): string[] {
  const ids: string[] = [];
  const re = /\b(?:it|test)(?:\.each\([^)]*\))?\s*\(\s*(['"`])\[([^\]\s]+)\]/g;
  for (let m = re.exec(source); m; m = re.exec(source)) ids.push(m[2]);
  return ids;
}
