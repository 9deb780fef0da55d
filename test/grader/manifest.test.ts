// The points manifest and the test files agree: every graded/hidden test has an id that
// the manifest lists with the right visibility, and every manifest entry has its test.
import * as fs from 'fs';
import * as path from 'path';
import { loadManifest, testIdsInSource, validateManifest, testId } from '../../grader/manifest';
import { HIDDEN_CANARY } from '../../grader/release';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));

function idsIn(dir: 'graded' | 'hidden'): Map<string, string> {
  const out = new Map<string, string>(); // id → file
  const folder = path.join(ROOT, 'test', dir);
  for (const f of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!f.endsWith('.test.ts')) continue;
    for (const id of testIdsInSource(fs.readFileSync(path.join(folder, f), 'utf8'))) {
      if (out.has(id)) throw new Error(`test id [${id}] appears twice (${out.get(id)} and ${f})`);
      out.set(id, f);
    }
  }
  return out;
}

describe('grading/manifest.json', () => {
  it('is valid: titles, finite points ≥ 0, visibility, ids prefixed by their exercise', () => {
    expect(validateManifest(manifest)).toEqual([]);
    expect(Object.keys(manifest.exercises).length).toBeGreaterThan(0);
  });

  it('lists every test of test/graded as visible and of test/hidden as after_due_date, in the file of its exercise', () => {
    const problems: string[] = [];
    for (const [dir, vis] of [['graded', 'visible'], ['hidden', 'after_due_date']] as const) {
      for (const [id, file] of idsIn(dir)) {
        const ex = file.replace(/\.test\.ts$/, '');
        const t = manifest.exercises[ex]?.tests[id];
        if (!t) problems.push(`test/${dir}/${file}: [${id}] is not in the manifest under '${ex}'`);
        else if (t.visibility !== vis) problems.push(`[${id}] is in test/${dir} but the manifest says ${t.visibility}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no entry without its test (a missing test would cost every student its points)', () => {
    const all = new Set([...idsIn('graded').keys(), ...idsIn('hidden').keys()]);
    const orphans = Object.values(manifest.exercises).flatMap((e) => Object.keys(e.tests)).filter((id) => !all.has(id));
    expect(orphans).toEqual([]);
  });

  it('every exercise has its exercise file, its solution and its public tests', () => {
    for (const ex of Object.keys(manifest.exercises)) {
      expect([ex, fs.existsSync(path.join(ROOT, 'exercises', `${ex}.ts`)), fs.existsSync(path.join(ROOT, 'solutions', `${ex}.ts`)), fs.existsSync(path.join(ROOT, 'test', 'graded', `${ex}.test.ts`))]).toEqual([ex, true, true, true]);
    }
  });

  it('every hidden test file carries the canary that the release looks for', () => {
    const dir = path.join(ROOT, 'test', 'hidden');
    const missing = fs.readdirSync(dir).filter((f) => !fs.readFileSync(path.join(dir, f), 'utf8').includes(HIDDEN_CANARY));
    expect(missing).toEqual([]);
  });

  it('reads ids from test names and refuses malformed manifests', () => {
    expect(testId('[tlu.step.zero] step(0) is 1')).toBe('tlu.step.zero');
    expect(testId('no id here')).toBeUndefined();
    expect(testIdsInSource(`it('[a.b] x', f); test("[a.c] y", g); it(\`[a.d] z\`, h);`)).toEqual(['a.b', 'a.c', 'a.d']);
    expect(validateManifest({ exercises: { tlu: { title: 'T', tests: { 'x.y': { points: NaN, visibility: 'public' } } } } })).toEqual([
      "test id 'x.y' of exercise 'tlu' must start with 'tlu.'",
      "test 'x.y': points must be a finite number ≥ 0",
      "test 'x.y': visibility must be 'visible' or 'after_due_date'",
    ]);
  });

  it('graded and hidden tests reach student code only through the sandbox (no import of exercises/ or solutions/)', () => {
    const offenders: string[] = [];
    for (const dir of ['graded', 'hidden']) {
      const folder = path.join(ROOT, 'test', dir);
      for (const f of fs.readdirSync(folder)) {
        const text = fs.readFileSync(path.join(folder, f), 'utf8');
        if (/(?:from\s+|require\(\s*|import\(\s*)['"][^'"]*(?:exercises|solutions)(?:\/[^'"]*)?['"]/.test(text)) offenders.push(`test/${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
