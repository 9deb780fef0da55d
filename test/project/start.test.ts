import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { INSTALL_HELP, startCommand } from '../../kernel/start';
import { PROJECT_ROOT, itWithJupyter, jupyterEnv } from '../support/jupyter';

const START = path.join(PROJECT_ROOT, 'kernel', 'start.js');
/** Jupyter refuses to run as root without this flag, so start.js adds it for root. */
const ROOT_ARGS = process.getuid?.() === 0 ? ['--allow-root'] : [];
/** The fake executables are shell scripts and one test drives npm through sh: not on Windows. */
const posixIt = process.platform === 'win32' ? (name: string, fn: () => void) => it.skip(`${name} (skipped on Windows: shell-script fakes)`, fn) : it;
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder of fake executables (shell scripts); each records its arguments, folder and JUPYTER_PATH. */
function fakeBin(names: string[], exitCode = 0): { dir: string; record: string } {
  const dir = tempDir('annlab-bin-');
  const record = path.join(dir, 'record.json');
  for (const name of names) {
    const script =
      '#!/bin/sh\n' +
      `printf '{"args":"%s","cwd":"%s","jupyterPath":"%s"}' "$*" "$(pwd)" "$JUPYTER_PATH" > '${record}'\n` +
      `exit ${exitCode}\n`;
    fs.writeFileSync(path.join(dir, name), script, { mode: 0o755 });
  }
  return { dir, record };
}

function runStart(args: string[], PATH: string) {
  const run = spawnSync(process.execPath, [START, ...args], { env: { HOME: os.tmpdir(), PATH }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm start (kernel/start.js)', () => {
  it('without Jupyter: exactly the two install lines (pip, apt, conda), exit code 1, no stack trace', () => {
    const empty = tempDir('annlab-empty-');
    const run = runStart([], empty);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(INSTALL_HELP.join('\n') + '\n');
    expect(INSTALL_HELP[1]).toMatch(/pip install .*apt install .*conda install/);
  });

  posixIt('through npm itself, with only node and sh on PATH: the same two lines and no stack trace', () => {
    const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    const sh = execFileSync('sh', ['-c', 'command -v sh'], { encoding: 'utf8' }).trim();
    const bin = tempDir('annlab-nodeonly-');
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    fs.symlinkSync(sh, path.join(bin, 'sh'));
    const run = spawnSync(npm, ['start', '--silent'], {
      cwd: PROJECT_ROOT,
      env: { HOME: bin, PATH: bin, npm_config_update_notifier: 'false' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(INSTALL_HELP[0]);
    expect(run.stderr).toContain(INSTALL_HELP[1]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('prefers JupyterLab, then the Notebook, then nbclassic', () => {
    const cases: [string[], string | undefined][] = [
      [['jupyter', 'jupyter-lab', 'jupyter-notebook'], 'lab'],
      [['jupyter', 'jupyter-notebook', 'jupyter-nbclassic'], 'notebook'],
      [['jupyter', 'jupyter-nbclassic'], 'nbclassic'],
      [['jupyter'], undefined],
      [['jupyter-lab'], undefined],
    ];
    for (const [names, app] of cases) {
      const { dir } = fakeBin(names);
      expect(startCommand({ env: { PATH: dir } })?.args[0]).toBe(app);
    }
  });

  it('--dry-run prints the command: jupyter lab on notebooks/, annlab as default kernel, project kernels first in JUPYTER_PATH', () => {
    const { dir } = fakeBin(['jupyter', 'jupyter-lab']);
    const run = runStart(['--dry-run', '--port=9999'], dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      command: path.join(dir, 'jupyter'),
      args: ['lab', '--MappingKernelManager.default_kernel_name=annlab', ...ROOT_ARGS, '--port=9999'],
      cwd: path.join(PROJECT_ROOT, 'notebooks'),
      env: { JUPYTER_PATH: path.join(PROJECT_ROOT, '.jupyter') },
    });
  });

  posixIt('runs that command, keeps an existing JUPYTER_PATH after the project one, and returns its exit code', () => {
    const { dir, record } = fakeBin(['jupyter', 'jupyter-notebook'], 3);
    const run = spawnSync(process.execPath, [START], {
      env: { HOME: os.tmpdir(), PATH: dir, JUPYTER_PATH: '/elsewhere' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toEqual({
      args: ['notebook', '--MappingKernelManager.default_kernel_name=annlab', ...ROOT_ARGS].join(' '),
      cwd: path.join(PROJECT_ROOT, 'notebooks'),
      jupyterPath: [path.join(PROJECT_ROOT, '.jupyter'), '/elsewhere'].join(path.delimiter),
    });
  });

  itWithJupyter('with the real Jupyter: picks an installed front end, and that Jupyter lists the annlab kernel of this project', async () => {
    const PATH = ['/usr/bin', process.env.PATH].join(path.delimiter);
    const run = runStart(['--dry-run'], PATH);
    expect(run.status).toBe(0);
    const cmd = JSON.parse(run.stdout) as { command: string; args: string[] };
    expect(['lab', 'notebook', 'nbclassic']).toContain(cmd.args[0]);
    expect(fs.existsSync(`${cmd.command}-${cmd.args[0]}`) || !!execFileSync('sh', ['-c', `command -v jupyter-${cmd.args[0]} || true`], { env: { PATH }, encoding: 'utf8' }).trim()).toBe(true);
    const listed = JSON.parse(execFileSync(cmd.command, ['kernelspec', 'list', '--json'], { env: jupyterEnv(), encoding: 'utf8', stdio: 'pipe' }));
    expect(listed.kernelspecs.annlab.resource_dir).toBe(path.join(PROJECT_ROOT, '.jupyter', 'kernels', 'annlab'));
    expect(listed.kernelspecs.annlab.spec.display_name).toBe('TypeScript (annlab)');
  }, 60_000);
});

describe('npm start with the real Jupyter', () => {
  itWithJupyter('serves notebooks/ and offers the annlab kernel (server started, queried over HTTP, stopped)', async () => {
    const port = 20000 + (process.pid % 20000);
    const child = spawn(process.execPath, [START, '--no-browser', `--port=${port}`, '--port-retries=0'], {
      env: { ...process.env, PATH: ['/usr/bin', process.env.PATH].join(path.delimiter) },
      detached: true, // its own process group, so that the server and its children stop with it
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      // The server prints its URL with a token once it listens.
      const token = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = output.match(new RegExp(`http://(?:127\\.0\\.0\\.1|localhost):${port}/\\S*\\?token=([0-9a-f]+)`));
          if (m) {
            clearInterval(timer);
            resolve(m[1]);
          }
        }, 100);
        child.on('exit', (code) => {
          clearInterval(timer);
          reject(new Error(`jupyter exited (${code}) before listening:\n${output}`));
        });
      });
      const api = async <T>(route: string): Promise<T> => {
        const res = await fetch(`http://127.0.0.1:${port}${route}?token=${token}`);
        expect(res.status).toBe(200);
        return (await res.json()) as T;
      };
      const specs = await api<{ default: string; kernelspecs: Record<string, { spec: { display_name: string } }> }>('/api/kernelspecs');
      expect(specs.default).toBe('annlab');
      expect(specs.kernelspecs.annlab.spec.display_name).toBe('TypeScript (annlab)');
      const root = await api<{ content: { name: string }[] }>('/api/contents');
      expect(root.content.map((c: { name: string }) => c.name)).toContain('00-setup.ipynb');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)));
    }
  }, 60_000);
});
