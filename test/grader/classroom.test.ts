// The GitHub Classroom workflow: valid YAML in Classroom's form (one command-grader step per
// exercise of the manifest with its public points, then the reporter wired to every step),
// and each step's command, run as the workflow runs it (bash, in the student's repository:
// the release copy), exits 0 with the exercise solved and 1 with the starter.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { classroomSteps, classroomWorkflow } from '../../grader/classroom';
import { loadManifest, maxPoints } from '../../grader/manifest';
import { makeRelease } from '../../grader/release';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
// js-yaml (a dependency of jest's coverage tooling) parses the file as GitHub would.
const yaml = require('js-yaml') as { safeLoad?: (s: string) => unknown; load: (s: string) => unknown };
const parse = (s: string) => (yaml.safeLoad ?? yaml.load)(s);

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Workflow {
  name: string;
  on: string[];
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; if: string; steps: Step[] }>;
}

describe('the GitHub Classroom workflow', () => {
  const text = classroomWorkflow(manifest);
  const wf = parse(text) as Workflow;
  const job = Object.values(wf.jobs)[0];
  const graders = job.steps.filter((s) => s.uses === 'classroom-resources/autograding-command-grader@v1');

  it('is YAML that GitHub reads: push trigger, checks: write, the Classroom bot skipped', () => {
    expect(text).not.toMatch(/\t/);
    expect(wf.on).toContain('push');
    expect(wf.permissions).toMatchObject({ checks: 'write', contents: 'read' });
    expect(Object.keys(wf.jobs)).toHaveLength(1);
    expect(job.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(job.steps[0].uses).toBe('actions/checkout@v4');
  });

  it('has one grader step per exercise of the manifest, in its order, worth its public points', () => {
    const names = Object.keys(manifest.exercises);
    expect(graders.map((s) => s.with?.['test-name'])).toEqual(names);
    expect(graders.map((s) => s.with?.['max-score'])).toEqual(names.map((n) => maxPoints(manifest.exercises[n], true)));
    expect(new Set(graders.map((s) => s.id)).size).toBe(names.length);
    for (const s of graders) expect(s.with).toMatchObject({ 'setup-command': '', timeout: 10 });
  });

  it('ends with the reporter, wired to every grader step’s result', () => {
    const reporter = job.steps[job.steps.length - 1];
    expect(reporter.uses).toBe('classroom-resources/autograding-grading-reporter@v1');
    expect(String(reporter.with?.runners).split(',')).toEqual(graders.map((s) => s.id));
    for (const s of graders) expect(reporter.env?.[`${String(s.id).toUpperCase()}_RESULTS`]).toBe(`\${{ steps.${s.id}.outputs.result }}`);
  });

  it('follows the manifest: a renamed or added exercise needs no edit here', () => {
    const m = { exercises: { '01-neurons': { ...manifest.exercises[Object.keys(manifest.exercises)[0]], title: 'Neurons' }, 'no-public': { title: 'x', tests: { 'no-public.a': { points: 1, visibility: 'after_due_date' as const } } } } };
    const steps = classroomSteps(m);
    expect(steps.map((s) => s.exercise)).toEqual(['01-neurons']); // no public points, no step
    expect((parse(classroomWorkflow(m)) as Workflow).jobs['run-autograding-tests'].steps.some((s) => s.id === 'grade-01-neurons')).toBe(true);
  });

  describe('each step’s command, run as the workflow runs it', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-classroom-'));
    const repo = path.join(tmp, 'repo');
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    beforeAll(() => {
      makeRelease(ROOT, repo); // the student's repository
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir'); // the workflow's npm ci
    }, 120000);
    const run = (command: string) => spawnSync('bash', ['-e', '-c', command], { cwd: repo, encoding: 'utf8', timeout: 300000, env: { ...process.env, CI: 'true' } });

    it('exits 0 for every exercise when the student solved them all, printing the points', () => {
      for (const ex of Object.keys(manifest.exercises)) fs.copyFileSync(path.join(ROOT, 'solutions', `${ex}.ts`), path.join(repo, 'exercises', `${ex}.ts`));
      for (const s of classroomSteps(manifest)) {
        const r = run(s.command);
        expect(`${s.exercise}: exit ${r.status}`).toBe(`${s.exercise}: exit 0`);
        expect(r.stdout).toContain(`${s.exercise}: ${s.maxScore} / ${s.maxScore}`);
      }
    }, 900000);

    it('exits 1 for an exercise left as the starter', () => {
      const s = classroomSteps(manifest)[0];
      fs.copyFileSync(path.join(ROOT, 'exercises', `${s.exercise}.ts`), path.join(repo, 'exercises', `${s.exercise}.ts`));
      const r = run(s.command);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`${s.exercise}: 0 / ${s.maxScore}`);
    }, 300000);
  });
});
