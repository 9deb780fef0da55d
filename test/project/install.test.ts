import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { systemJupyterDataDir, userJupyterDataDir } from '../../kernel/common';
import { installKernel, SHARED_FILES } from '../../kernel/install';
import { findProject, LAUNCHER_VERSION, problem } from '../../kernel/launcher';
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
function install(clone: string, env: Record<string, string>, args: string[] = []) {
  const run = spawnSync(process.execPath, [path.join(clone, 'kernel', 'install.js'), ...args], {
    cwd: os.tmpdir(),
    // Windows needs SystemRoot to start any process; elsewhere the environment is only this.
    env: { HOME: os.tmpdir(), ...(process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? 'C:\\Windows' } : {}), ...env },
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

  it("writes the clone's own kernelspec into its .jupyter, and the launcher's into the user's data folder", () => {
    const run = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toContain('registered in');
    expect(run.lines[0]).toContain('serves every copy of the course');
    expect(readSpec(path.join(clone, '.jupyter'))).toMatchObject({
      argv: [process.execPath, path.join(clone, 'kernel', 'launch.js'), '{connection_file}'],
      display_name: 'TypeScript (annlab)',
      language: 'typescript',
      metadata: { annlab: { project: clone } },
    });
    const shared = path.join(userData, 'kernels', 'annlab');
    expect(readSpec(userData)).toEqual({
      argv: [process.execPath, path.join(shared, 'launcher.js'), '{connection_file}'],
      display_name: 'TypeScript (annlab)',
      language: 'typescript',
      interrupt_mode: 'signal',
      metadata: { annlab: { launcher: LAUNCHER_VERSION } },
    });
    // The launcher and what it needs live in the kernelspec folder, not in the clone.
    for (const file of SHARED_FILES) {
      expect(fs.readFileSync(path.join(shared, file), 'utf8')).toBe(fs.readFileSync(path.join(clone, 'kernel', file), 'utf8'));
    }
  });

  it('is idempotent: a second run changes nothing and says so in one line', () => {
    install(clone, { JUPYTER_DATA_DIR: userData });
    const files = [path.join(clone, '.jupyter', 'kernels', 'annlab', 'kernel.json'), ...['kernel.json', ...SHARED_FILES].map((f) => path.join(userData, 'kernels', 'annlab', f))];
    const before = files.map((f) => [fs.readFileSync(f, 'utf8'), fs.statSync(f).mtimeMs]);
    const again = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(again.status).toBe(0);
    expect(again.lines).toEqual([expect.stringContaining('up to date in')]);
    expect(files.map((f) => [fs.readFileSync(f, 'utf8'), fs.statSync(f).mtimeMs])).toEqual(before);
  });

  it("installing a second clone leaves the user's kernel as it is: one kernel serves both", () => {
    install(clone, { JUPYTER_DATA_DIR: userData });
    const shared = path.join(userData, 'kernels', 'annlab', 'kernel.json');
    const before = fs.readFileSync(shared, 'utf8');
    const mtime = fs.statSync(shared).mtimeMs;
    const other = makeClone();
    try {
      const run = install(other, { JUPYTER_DATA_DIR: userData });
      expect(run.status).toBe(0);
      expect(fs.readFileSync(shared, 'utf8')).toBe(before);
      expect(fs.statSync(shared).mtimeMs).toBe(mtime);
      expect(readSpec(path.join(other, '.jupyter')).argv[1]).toBe(path.join(other, 'kernel', 'launch.js'));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('replaces a kernelspec of the old kind, tied to one clone, and says so', () => {
    const old = path.join(userData, 'kernels', 'annlab');
    fs.mkdirSync(old, { recursive: true });
    const oldSpec = { argv: ['node', '/gone/kernel/launch.js', '{connection_file}'], metadata: { annlab: { project: '/gone' } } };
    fs.writeFileSync(path.join(old, 'kernel.json'), JSON.stringify(oldSpec));
    const run = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(run.lines).toEqual([expect.stringContaining('it replaces the kernel tied to /gone')]);
    expect(readSpec(userData).argv[1]).toBe(path.join(old, 'launcher.js'));
  });

  it('keeps a newer launcher that a newer clone installed', () => {
    const shared = path.join(userData, 'kernels', 'annlab');
    install(clone, { JUPYTER_DATA_DIR: userData });
    const newer = `// from a newer clone\nconst LAUNCHER_VERSION = ${LAUNCHER_VERSION + 1};\n`;
    fs.writeFileSync(path.join(shared, 'launcher.js'), newer);
    const run = install(clone, { JUPYTER_DATA_DIR: userData });
    expect(run.lines).toEqual([expect.stringContaining(`its launcher is newer (version ${LAUNCHER_VERSION + 1}) and was kept`)]);
    expect(fs.readFileSync(path.join(shared, 'launcher.js'), 'utf8')).toBe(newer);
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
    expect(userJupyterDataDir({ USERPROFILE: '/users/u' }, 'win32')).toBe(path.join('/users/u', 'AppData', 'Roaming', 'jupyter'));
  });

  it('the machine-wide folder is /usr/local/share/jupyter, or %PROGRAMDATA%\\jupyter on Windows', () => {
    expect(systemJupyterDataDir({}, 'linux')).toBe('/usr/local/share/jupyter');
    expect(systemJupyterDataDir({}, 'darwin')).toBe('/usr/local/share/jupyter');
    expect(systemJupyterDataDir({ PROGRAMDATA: '/pd' }, 'win32')).toBe(path.join('/pd', 'jupyter'));
  });
});

describe('registration on students\' laptops (platform simulated, real files in a temporary home)', () => {
  let home: string;
  let clone: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-home-'));
    clone = makeClone();
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(clone, { recursive: true, force: true });
  });

  const cases: { platform: NodeJS.Platform; env: () => NodeJS.ProcessEnv; folder: () => string }[] = [
    { platform: 'darwin', env: () => ({ HOME: home }), folder: () => path.join(home, 'Library', 'Jupyter', 'kernels', 'annlab') },
    {
      platform: 'win32',
      env: () => ({ USERPROFILE: home, APPDATA: path.join(home, 'AppData', 'Roaming') }),
      folder: () => path.join(home, 'AppData', 'Roaming', 'jupyter', 'kernels', 'annlab'),
    },
    { platform: 'linux', env: () => ({ HOME: home }), folder: () => path.join(home, '.local', 'share', 'jupyter', 'kernels', 'annlab') },
  ];
  for (const c of cases) {
    it(`${c.platform}: the kernel, its launcher and the message kernel land in ${c.platform === 'win32' ? '%APPDATA%\\jupyter' : c.platform === 'darwin' ? '~/Library/Jupyter' : '~/.local/share/jupyter'}`, () => {
      const result = installKernel({ root: clone, target: 'user', env: c.env(), platform: c.platform, nodePath: '/opt/node' });
      expect(result.sharedError).toBeUndefined();
      expect(result.shared?.file).toBe(path.join(c.folder(), 'kernel.json'));
      expect(fs.readdirSync(c.folder()).sort()).toEqual(['kernel.json', ...SHARED_FILES].sort());
      expect(JSON.parse(fs.readFileSync(path.join(c.folder(), 'kernel.json'), 'utf8')).argv).toEqual([
        '/opt/node',
        path.join(c.folder(), 'launcher.js'),
        '{connection_file}',
      ]);
    });
  }

  it('Windows machine-wide: %PROGRAMDATA%\\jupyter', () => {
    const env = { PROGRAMDATA: path.join(home, 'ProgramData') };
    const result = installKernel({ root: clone, target: 'system', env, platform: 'win32' });
    expect(result.shared?.file).toBe(path.join(home, 'ProgramData', 'jupyter', 'kernels', 'annlab', 'kernel.json'));
  });

  it('rejects an unknown target, naming the known ones', () => {
    expect(() => installKernel({ root: clone, target: 'everywhere' as never })).toThrow(/one of project, user, system, dir, got "everywhere"/);
  });
});

describe('node kernel/install.js --system / --dir (a machine-wide kernel for a class)', () => {
  it('--dir installs into that folder, readable by every user, and says so', () => {
    const clone = makeClone();
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-shared-'));
    try {
      const run = install(clone, { CI: 'true', ANNLAB_USER_KERNEL: '0' }, ['--dir', shared]);
      expect(run.status).toBe(0);
      expect(run.lines).toEqual([expect.stringContaining(`and ${path.join(shared, 'kernels', 'annlab')}`)]);
      if (process.platform !== 'win32') {
        for (const file of ['kernel.json', ...SHARED_FILES]) {
          expect(fs.statSync(path.join(shared, 'kernels', 'annlab', file)).mode & 0o777).toBe(0o644);
        }
      }
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  it('asked explicitly, a folder it cannot write fails with exit code 1 (npm install never fails)', () => {
    const clone = makeClone();
    const blocked = path.join(clone, 'blocked');
    fs.writeFileSync(blocked, '');
    try {
      const run = install(clone, {}, ['--dir', path.join(blocked, 'jupyter')]);
      expect(run.status).toBe(1);
      expect(run.lines).toEqual([expect.stringContaining('could not write')]);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('kernel/launcher.js: the nearest enclosing annlab project', () => {
  let top: string;
  beforeAll(() => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-find-'));
    for (const project of ['course', path.join('course', 'nested')]) {
      fs.mkdirSync(path.join(top, project, 'kernel'), { recursive: true });
      fs.writeFileSync(path.join(top, project, 'package.json'), '{}');
      fs.writeFileSync(path.join(top, project, 'kernel', 'launch.js'), '');
    }
    fs.mkdirSync(path.join(top, 'course', 'notebooks', 'week1'), { recursive: true });
    fs.mkdirSync(path.join(top, 'course', 'nested', 'notebooks'), { recursive: true });
    fs.mkdirSync(path.join(top, 'elsewhere'), { recursive: true });
    fs.writeFileSync(path.join(top, 'elsewhere', 'package.json'), '{}');
  });
  afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

  it('walks up from the notebook folder to the first folder with package.json and kernel/launch.js', () => {
    expect(findProject(path.join(top, 'course', 'notebooks', 'week1'))).toBe(path.join(top, 'course'));
    expect(findProject(path.join(top, 'course'))).toBe(path.join(top, 'course'));
    expect(findProject(path.join(top, 'course', 'nested', 'notebooks'))).toBe(path.join(top, 'course', 'nested'));
    expect(findProject(path.join(top, 'elsewhere'))).toBeUndefined();
  });

  it('says in one sentence why the real kernel cannot start: no project, or no node_modules', () => {
    const outside = problem(path.join(top, 'elsewhere'));
    expect(outside).toMatch(/^annlab: this notebook's folder .*elsewhere is not inside an annlab project .*\.$/);
    expect(outside?.split(/\. /)).toHaveLength(1);
    expect(problem(path.join(top, 'course', 'notebooks'))).toBe(
      `annlab: the course at ${path.join(top, 'course')} has no node_modules/tslab yet, so run \`npm install\` there and restart the kernel.`,
    );
    expect(problem(path.join(PROJECT_ROOT, 'notebooks'))).toBeUndefined();
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
