// The public tests teach: each fixture in fixtures/mistakes/ is a reference solution with one of
// the course's usual mistakes put in (the sign of the error term, a forgotten bias, an overflow,
// a missing square, …). Graded through the grader, the test that should catch the mistake fails
// with a hint that names it, and never with a hint that names another.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gradeSubmission } from '../../grader/supervise';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'mistakes');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-mistakes-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** One wrong solution: which exercise, which test must catch it, what its hint must (and must not) say, and the edit. */
interface Mistake { name: string; exercise: string; test: string; hint: string; not?: string; edits: { find: string; replace: string }[] }

/** Reads a `.edit` fixture: a description line, `key: value` lines, then `--- find` / `--- replace` blocks. */
export function readMistake(file: string): Mistake {
  const [head, ...blocks] = fs.readFileSync(file, 'utf8').split(/^--- /m);
  const fields = Object.fromEntries([...head.matchAll(/^(\w+): (.+)$/gm)].map((m) => [m[1], m[2]]));
  const edits: Mistake['edits'] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const body = (block: string, tag: string) => {
      if (!block.startsWith(`${tag}\n`)) throw new Error(`${file}: expected '--- ${tag}'`);
      return block.slice(tag.length + 1).replace(/\n$/, '');
    };
    edits.push({ find: body(blocks[i], 'find'), replace: body(blocks[i + 1] ?? '', 'replace') });
  }
  return { name: path.basename(file, '.edit'), exercise: fields.exercise, test: fields.test, hint: fields.hint, not: fields.not, edits };
}

const MISTAKES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.edit')).sort().map((f) => readMistake(path.join(FIXTURES, f)));

/** The exercises an exercise imports (`from './01-neurons'`): a mistake there reaches its tests too. */
function imports(exercise: string): string[] {
  return [...fs.readFileSync(path.join(ROOT, 'solutions', `${exercise}.ts`), 'utf8').matchAll(/from '\.\/([\w-]+)'/g)].map((m) => m[1]);
}

/** Groups the mistakes into rounds, one grading run each, in which no two mistakes touch the same
 *  exercise or an exercise and one it imports: so that each mistake is graded alone. */
function rounds(list: Mistake[]): Mistake[][] {
  const clash = (a: Mistake, b: Mistake) => a.exercise === b.exercise || imports(a.exercise).includes(b.exercise) || imports(b.exercise).includes(a.exercise);
  const count = (e: string) => list.filter((m) => m.exercise === e).length;
  const out: Mistake[][] = [];
  // Exercises with the most mistakes first: they need a round each anyway.
  for (const m of [...list].sort((a, b) => count(b.exercise) - count(a.exercise) || a.name.localeCompare(b.name))) {
    const round = out.find((r) => !r.some((x) => clash(x, m)));
    if (round) round.push(m);
    else out.push([m]);
  }
  return out;
}

/** A submission: the reference solutions, with the round's mistakes put in. */
function submission(round: Mistake[], index: number): string {
  const dir = path.join(tmp, `round-${index}`, 'exercises');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'solutions'))) fs.copyFileSync(path.join(ROOT, 'solutions', f), path.join(dir, f));
  for (const m of round) {
    const file = path.join(dir, `${m.exercise}.ts`);
    let text = fs.readFileSync(file, 'utf8');
    for (const e of m.edits) {
      if (!text.includes(e.find)) throw new Error(`fixtures/mistakes/${m.name}.edit: solutions/${m.exercise}.ts no longer contains:\n${e.find}`);
      text = text.replace(e.find, e.replace);
    }
    fs.writeFileSync(file, text);
  }
  return path.dirname(dir);
}

describe('the public tests name the usual mistakes', () => {
  it('every fixture names an exercise, a public test of it and a hint, and edits the solution', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'grading', 'manifest.json'), 'utf8'));
    expect(MISTAKES.length).toBeGreaterThanOrEqual(10);
    for (const m of MISTAKES) {
      expect({ name: m.name, visibility: manifest.exercises[m.exercise]?.tests[m.test]?.visibility, hint: Boolean(m.hint), edits: m.edits.length > 0 })
        .toEqual({ name: m.name, visibility: 'visible', hint: true, edits: true });
    }
  });

  it.each(rounds(MISTAKES).map((round, i) => [round.map((m) => m.name).join(', '), round, i] as const))('%s', async (_names, round, index) => {
    const r = await gradeSubmission({ submission: submission(round, index), outDir: path.join(tmp, `out-${index}`), exercises: round.map((m) => m.exercise), hidden: false, timeoutMs: 400_000 });
    for (const m of round) {
      const t = r.tests.find((x) => x.id === m.test);
      // A test that did not run shows why (and the run's notes), instead of a bare "not run".
      const notRun = t?.status === 'not run' ? [t.output, ...r.notes].join('\n') : '';
      const seen = { mistake: m.name, status: t?.status, notRun, hasHint: t?.output.includes(m.hint), otherHint: m.not ? t?.output.includes(m.not) : false };
      expect(seen).toEqual({ mistake: m.name, status: 'failed', notRun: '', hasHint: true, otherHint: false });
    }
  }, 450_000);
});
