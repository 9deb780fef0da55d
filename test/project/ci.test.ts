import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/jupyter';

const ciRun = path.join(PROJECT_ROOT, '.ci', 'run');
const script = fs.readFileSync(ciRun, 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));

describe('.ci/run', () => {
  it('is an executable bash script that bash accepts, with set -euo pipefail', () => {
    // Windows keeps no executable bit (git records it; the Linux job checks it).
    if (process.platform !== 'win32') expect(fs.statSync(ciRun).mode & 0o111).not.toBe(0);
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    const check = spawnSync('bash', ['-n', ciRun], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it("installs Debian's Jupyter, Chromium, fonts, numpy and scikit-learn", () => {
    for (const p of ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel', 'jupyter-notebook', 'chromium', 'fonts-dejavu-core', 'python3-numpy', 'python3-sklearn']) {
      expect(script).toMatch(new RegExp(`\\s${p}\\s`));
    }
  });

  it("installs Debian's JupyterHub (with configurable-http-proxy) for the class-on-a-hub test", () => {
    expect(script).toMatch(/\sjupyterhub\s/);
  });

  it("runs npm ci, then the README's test command (npm test) with CI set", () => {
    // Commands at the start of a line, not the comments that mention them.
    const order = [/^export CI=/m, /^npm ci\b/m, /^npm test\b/m].map((re) => script.search(re));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain('npm test');
  });
});

describe('package.json', () => {
  it('registers the kernel on install and starts Jupyter with npm start', () => {
    expect(pkg.scripts.postinstall).toBe('node kernel/install.js');
    expect(pkg.scripts.start).toBe('node kernel/start.js');
    expect(pkg.scripts.test).toMatch(/^jest\b/);
  });

  it('pins tslab to 1.0.22 (the kernel hooks its internals) and requires Node 20+', () => {
    expect(pkg.dependencies.tslab).toBe('1.0.22');
    expect(pkg.engines.node).toBe('>=20');
  });
});
