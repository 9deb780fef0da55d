import { spawnSync } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/jupyter';
import { USAGE, listNotebooks, parseNotebookArgs, plural } from '../../scripts/notebooks';

// `npm run notebooks`: what it does with its arguments, before any notebook runs.

const available = ['00-setup', '01-neurons', '02-perceptron'];

describe('npm run notebooks: arguments', () => {
  it('runs every notebook without arguments, and those whose names start with the given prefixes', () => {
    expect(parseNotebookArgs([], available)).toEqual({ kind: 'run', names: available });
    expect(parseNotebookArgs(['02', '00'], available)).toEqual({ kind: 'run', names: ['00-setup', '02-perceptron'] });
  });

  it('answers --help and -h with the usage', () => {
    expect(parseNotebookArgs(['--help'], available)).toEqual({ kind: 'usage' });
    expect(parseNotebookArgs(['02', '-h'], available)).toEqual({ kind: 'usage' });
  });

  it('refuses an unknown option and a name that matches no notebook, saying which', () => {
    expect(parseNotebookArgs(['--fast'], available)).toEqual({ kind: 'usage', problem: 'unknown option --fast' });
    const bad = parseNotebookArgs(['01', '9'], available);
    expect(bad.kind).toBe('usage');
    expect(bad.kind === 'usage' && bad.problem).toMatch(/no notebook name starts with '9'.*00-setup, 01-neurons, 02-perceptron/);
  });

  it('counts in words: 1 notebook, 2 notebooks', () => {
    expect(plural(1, 'notebook')).toBe('1 notebook');
    expect(plural(0, 'notebook')).toBe('0 notebooks');
    expect(plural(2, 'notebook')).toBe('2 notebooks');
  });

  it('lists the committed notebooks in course order', () => {
    const names = listNotebooks();
    expect(names[0]).toBe('00-setup');
    expect([...names].sort()).toEqual(names);
  });
});

describe('npm run notebooks: usage errors exit with code 2 before running anything', () => {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const run = (...args: string[]) =>
    spawnSync(tsx, [path.join(PROJECT_ROOT, 'scripts', 'notebooks.ts'), ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      // No Jupyter: had the arguments been accepted, it would say Jupyter is missing instead.
      env: { ...process.env, ANNLAB_JUPYTER: 'none' },
    });

  it.each([
    [['--help'], ''],
    [['--nope'], 'unknown option --nope'],
    [['zz-missing'], "no notebook name starts with 'zz-missing'"],
  ])('%j', (args, problem) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(USAGE);
    expect(result.stderr).toContain(problem);
    expect(result.stdout).not.toContain('Executing');
  }, 60_000);
});
