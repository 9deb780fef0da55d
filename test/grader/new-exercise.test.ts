// `npm run new-exercise NAME`, run in a copy of the project as a lecturer would: the scaffold
// is a working exercise from the start (the solution scores full marks, the starter 0 with
// "not implemented yet"), its test ids and the manifest agree, the starter is the stub of the
// solution, and the notebook source ends with a "Your turn" cell that checks it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { projectFiles } from '../../grader/release';
import { loadManifest, testIdsInSource } from '../../grader/manifest';
import { gradeSubmission } from '../../grader/supervise';
import { HIDDEN_CANARY } from '../../grader/release';
import { jupyterAvailable } from '../support/jupyter';

const ROOT = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-new-exercise-'));
const proj = path.join(tmp, 'course');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const NAME = 'demo-scale';
const SOURCE = fs.readdirSync(path.join(ROOT, 'scripts', 'notebook-sources')).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort()[0];

describe('npm run new-exercise', () => {
  let stdout = '';
  beforeAll(() => {
    for (const rel of projectFiles(ROOT)) {
      fs.mkdirSync(path.dirname(path.join(proj, rel)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, rel), path.join(proj, rel));
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(proj, 'node_modules'), 'dir');
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, 'scripts/new-exercise.ts', NAME, '--title', 'Scaling a vector', '--notebook', `scripts/notebook-sources/${SOURCE}`], { cwd: proj, encoding: 'utf8', timeout: 120000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
  }, 180000);

  it('writes the solution, the starter, public and hidden tests, the manifest entries and the notebook cell', () => {
    for (const f of [`solutions/${NAME}.ts`, `exercises/${NAME}.ts`, `test/graded/${NAME}.test.ts`, `test/hidden/${NAME}.test.ts`, 'grading/manifest.json', 'grading/notebook-sections.json', `scripts/notebook-sources/${SOURCE}`]) {
      expect(stdout).toContain(`wrote ${f}`);
      expect(fs.existsSync(path.join(proj, f))).toBe(true);
    }
  });

  it('its test ids and the manifest agree; the hidden file carries the canary', () => {
    const m = loadManifest(path.join(proj, 'grading', 'manifest.json'));
    const ex = m.exercises[NAME];
    expect(ex.title).toBe('Scaling a vector');
    expect(ex.notebook).toBe(`notebooks/${SOURCE.replace(/\.txt$/, '.ipynb')}`);
    const read = (dir: string) => fs.readFileSync(path.join(proj, 'test', dir, `${NAME}.test.ts`), 'utf8');
    const visible = Object.entries(ex.tests).filter(([, t]) => t.visibility === 'visible').map(([id]) => id);
    const hidden = Object.entries(ex.tests).filter(([, t]) => t.visibility === 'after_due_date').map(([id]) => id);
    expect(testIdsInSource(read('graded'))).toEqual(visible);
    expect(testIdsInSource(read('hidden'))).toEqual(hidden);
    expect(read('hidden')).toContain(HIDDEN_CANARY);
    // The other exercises are untouched.
    const before = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
    for (const [n, e] of Object.entries(before.exercises)) expect(m.exercises[n]).toEqual(e);
  });

  it('the starter is what `npm run stubs` makes of the solution', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/make-stubs.ts', '--check'], { cwd: proj, encoding: 'utf8', timeout: 120000 });
    expect(`${r.status} ${r.stdout}${r.stderr}`).toBe('0 stubs: exercises/ matches solutions/\n');
    expect(fs.readFileSync(path.join(proj, 'exercises', `${NAME}.ts`), 'utf8')).toMatch(/throw new NotImplemented\('scale', 'notebooks\/.*Your turn: Scaling a vector/);
  });

  it('the solution scores full marks and the starter 0, saying what is not implemented', async () => {
    const ok = await gradeSubmission({ projectRoot: proj, submission: path.join(proj, 'solutions'), exercises: [NAME], outDir: path.join(tmp, 'out-ok'), timeoutMs: 600000 });
    expect(ok.tests.filter((t) => t.status !== 'passed').map((t) => t.output)).toEqual([]);
    expect(ok.score).toBe(5);
    const starter = await gradeSubmission({ projectRoot: proj, submission: path.join(proj, 'exercises'), exercises: [NAME], outDir: path.join(tmp, 'out-starter'), timeoutMs: 600000 });
    expect(starter.score).toBe(0);
    expect(starter.tests.filter((t) => !/scale is not implemented yet/.test(t.output)).map((t) => `${t.id}: ${t.output}`)).toEqual([]);
  }, 1300000);

  it('ends the notebook source with a "Your turn" cell that runs the check', () => {
    const text = fs.readFileSync(path.join(proj, 'scripts', 'notebook-sources', SOURCE), 'utf8');
    expect(text).toMatch(new RegExp(`%% md\\n## Your turn: Scaling a vector\\n[\\s\\S]*%% code\\nawait check\\('${NAME}'\\);\\n$`));
  });

  it('refuses a name that exists or is not a file name, and changes nothing then', () => {
    const manifest = fs.readFileSync(path.join(proj, 'grading', 'manifest.json'), 'utf8');
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    for (const [name, why] of [[NAME, 'already exists'], ['Bad Name', 'must be a file name']]) {
      const r = spawnSync(process.execPath, [tsx, 'scripts/new-exercise.ts', name], { cwd: proj, encoding: 'utf8', timeout: 120000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(why);
    }
    expect(fs.readFileSync(path.join(proj, 'grading', 'manifest.json'), 'utf8')).toBe(manifest);
  });

  const withJupyter = jupyterAvailable() || process.env.CI ? it : it.skip;
  withJupyter('a lecturer’s own notebook source, in a folder they name, is built and checked by `npm run notebooks` like the course’s', () => {
    const mine = path.join(tmp, 'my-notebooks');
    fs.mkdirSync(mine);
    fs.writeFileSync(
      path.join(mine, '09-my-tutorial.txt'),
      [
        'A lecturer’s tutorial (this line is a comment for maintainers).',
        '%% md',
        '# 9. My tutorial',
        '%% code',
        "import { activations, activationPlot, show } from './src';",
        'show(activationPlot([activations.sigmoid, activations.tanh]));',
        '',
      ].join('\n'),
    );
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, 'scripts/notebooks.ts', '--sources', mine], { cwd: proj, encoding: 'utf8', timeout: 600000 });
    expect(r.stdout).toContain(`built notebooks/09-my-tutorial.ipynb from ${path.join(mine, '09-my-tutorial.txt')}`);
    expect(r.stdout).toMatch(/^ok {4}09-my-tutorial .* 1 plots/m);
    expect(r.stdout).not.toMatch(/^(ok|FAIL) +0[0-8]-/m); // only the lecturer's notebooks ran
    expect(r.status).toBe(0);
    const executed = fs.readFileSync(path.join(proj, 'build', 'notebooks', '09-my-tutorial.ipynb'), 'utf8');
    expect(executed).toContain('application/vnd.vegalite.v5+json');
  }, 600000);
});
