import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { userJupyterDataDir } from '../../kernel/common';
import { PROJECT_ROOT } from '../support/jupyter';

/** A copy of the project's kernel scripts in a fresh folder: a clone somewhere else. */
function makeClone(): string {
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-clone-'));
  fs.mkdirSync(path.join(clone, 'kernel'));
  for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'kernel'))) {
    if (file.endsWith('.js')) fs.copyFileSync(path.join(PROJECT_ROOT, 'kernel', file), path.join(clone, 'kernel', file));
  }
  fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(clone, 'package.json'));
  return clone;
}

/** Runs the clone's install.js from an unrelated folder, as npm would run postinstall. */
function install(clone: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [path.join(clone, 'kernel', 'install.js')], {
    cwd: os.tmpdir(),
    env: { HOME: os.tmpdir(), ...env },
    encoding: 'utf8',
  });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean), stderr: run.stderr };
}

const readSpec = (dataDir: string) =>
  JSON.parse(fs.readFileSync(path.join(dataDir, 'kernels', 'annlab', 'kernel.json'), 'utf8'));

describe('kernel/install.js (npm install registers the annlab kernel)', () => {
  let clone: string;
  let userData: string;
  beforeEach(() => {
    clone = makeClone();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-userdata-'));
  });
  afterEach(() => {
    fs.rmSync(clone, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it("writes 'TypeScript (annlab)' into the clone's .jupyter and the user's data folder, with absolute paths of that clone", () => {
    const run = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toContain('registered in');
    const spec = readSpec(path.join(clone, '.jupyter'));
    expect(spec).toMatchObject({
      argv: [process.execPath, path.join(clone, 'kernel', 'launch.js'), '{connection_file}'],
      display_name: 'TypeScript (annlab)',
      language: 'typescript',
      metadata: { annlab: { project: clone } },
    });
    expect(readSpec(userData)).toEqual(spec);
  });

  it('is idempotent: a second run changes nothing and says so in one line', () => {
    install(clone, { JUPYTER_DATA_DIR: userData });
    const file = path.join(clone, '.jupyter', 'kernels', 'annlab', 'kernel.json');
    const before = fs.readFileSync(file, 'utf8');
    const mtime = fs.statSync(file).mtimeMs;
    const again = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(again.status).toBe(0);
    expect(again.lines).toEqual([expect.stringContaining('up to date in')]);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it("in the user's folder, the clone installed last wins, and the line says whose kernel it replaced", () => {
    install(clone, { JUPYTER_DATA_DIR: userData });
    const other = makeClone();
    try {
      const run = install(other, { JUPYTER_DATA_DIR: userData });
      expect(run.lines).toEqual([expect.stringContaining(`replacing the one of ${clone}`)]);
      expect(readSpec(userData).argv[1]).toBe(path.join(other, 'kernel', 'launch.js'));
      expect(readSpec(path.join(clone, '.jupyter')).argv[1]).toBe(path.join(clone, 'kernel', 'launch.js'));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it("leaves the user's folder alone when CI is set or ANNLAB_USER_KERNEL=0", () => {
    const cases: Record<string, string>[] = [{ CI: 'true' }, { ANNLAB_USER_KERNEL: '0' }];
    for (const env of cases) {
      const run = install(clone, { JUPYTER_DATA_DIR: userData, ...env });
      expect(run.status).toBe(0);
      expect(run.lines).toEqual([expect.stringContaining("not in the user's Jupyter folder")]);
      expect(fs.existsSync(path.join(userData, 'kernels'))).toBe(false);
      expect(readSpec(path.join(clone, '.jupyter')).argv[1]).toBe(path.join(clone, 'kernel', 'launch.js'));
    }
  });

  it('never fails the install: an unwritable project folder gives one line and exit code 0', () => {
    fs.writeFileSync(path.join(clone, '.jupyter'), 'a file where a folder should be');
    const run = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([expect.stringMatching(/^annlab: could not register the Jupyter kernel \(/)]);
    expect(run.stderr).toBe('');
  });

  it("still registers the project's kernel when the user's folder cannot be written", () => {
    const blocked = path.join(userData, 'blocked');
    fs.writeFileSync(blocked, '');
    const run = install(clone, { JUPYTER_DATA_DIR: path.join(blocked, 'jupyter') });
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([expect.stringContaining('could not write')]);
    expect(readSpec(path.join(clone, '.jupyter')).display_name).toBe('TypeScript (annlab)');
  });
});

describe("the user's Jupyter data folder (as jupyter_core computes it)", () => {
  it('follows JUPYTER_DATA_DIR, then the platform convention', () => {
    expect(userJupyterDataDir({ JUPYTER_DATA_DIR: '/x/y' }, 'linux')).toBe('/x/y');
    expect(userJupyterDataDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.local/share/jupyter');
    expect(userJupyterDataDir({ HOME: '/home/u', XDG_DATA_HOME: '/d' }, 'linux')).toBe('/d/jupyter');
    expect(userJupyterDataDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Jupyter');
    expect(userJupyterDataDir({ HOME: '/h', APPDATA: '/appdata' }, 'win32')).toBe(path.join('/appdata', 'jupyter'));
  });
});

describe('kernel/launch.js', () => {
  it('refuses to start without a connection file, in one line', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'kernel', 'launch.js')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('missing the connection file')]);
  });

  it('is what the installed kernelspec of this project runs', () => {
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'kernel', 'install.js'), '--project-only', '--quiet']);
    const spec = readSpec(path.join(PROJECT_ROOT, '.jupyter'));
    expect(spec.argv).toEqual([process.execPath, path.join(PROJECT_ROOT, 'kernel', 'launch.js'), '{connection_file}']);
  });
});
