// The type check of a batch keeps one process for every submission: each answer must be the one
// a fresh process gives, and a check that runs out of time must not cost the next one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TypeChecker, typeErrors } from '../../grader/type-check';

const ROOT = path.resolve(__dirname, '..', '..');
const EXERCISES = ['01-neurons', '02-perceptron'];

describe('the type checker kept for a batch', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-type-check-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  /** A copy of the solutions with `tail` added to exercise 01. */
  const submission = (name: string, tail: string) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    for (const e of EXERCISES) fs.copyFileSync(path.join(ROOT, 'solutions', `${e}.ts`), path.join(dir, `${e}.ts`));
    fs.appendFileSync(path.join(dir, '01-neurons.ts'), tail);
    return dir;
  };

  it('answers each submission as a fresh process does, one after another', async () => {
    const clean = submission('clean', '');
    const typed = submission('typed', "\nexport const annlabWrong: number = 'a string';\n");
    const kept = new TypeChecker(ROOT, 120_000);
    try {
      const answers = [];
      for (const dir of [clean, typed, clean, typed]) answers.push(await kept.check(dir, EXERCISES));
      const fresh = [await typeErrors(ROOT, clean, EXERCISES, 120_000), await typeErrors(ROOT, typed, EXERCISES, 120_000)];
      expect(answers).toEqual([fresh[0], fresh[1], fresh[0], fresh[1]]);
      // The comparison is not empty: the typed copy has its error, the clean one none.
      expect(fresh[0]).toEqual({ errors: {} });
      expect(Object.keys(fresh[1].errors)).toEqual(['01-neurons']);
      expect(fresh[1].errors['01-neurons']).toMatch(/^exercises\/01-neurons\.ts:\d+:14 - error TS2322: Type 'string' is not assignable to type 'number'\.$/);
    } finally {
      kept.close();
    }
  }, 300_000);

  it('after a check that ran out of time, the next one starts a new process and answers', async () => {
    const typed = submission('typed-again', "\nexport const annlabWrong: number = 'a string';\n");
    const checker = new TypeChecker(ROOT, 120_000);
    try {
      const late = await checker.check(typed, EXERCISES, 1);
      expect(late).toEqual({ errors: {}, problem: 'the type check did not finish (stopped after 0.001 s): type errors are not reported in this run' });
      expect(Object.keys((await checker.check(typed, EXERCISES)).errors)).toEqual(['01-neurons']);
    } finally {
      checker.close();
    }
  }, 300_000);
});
