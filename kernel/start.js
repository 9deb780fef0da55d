#!/usr/bin/env node
'use strict';
// `npm start`: JupyterLab if installed, else the classic Notebook, on notebooks/, with the
// annlab kernel (the project's .jupyter folder first in JUPYTER_PATH) as the default kernel.
//
// Usage: npm start [-- --dry-run] [-- <more arguments for jupyter>]
//   --dry-run   print the command it would run, as JSON, and exit.

const { spawn } = require('child_process');
const path = require('path');
const { PROJECT_ROOT, KERNEL_NAME, projectJupyterDir, findExecutable } = require('./common');
const { installKernel } = require('./install');

/** The two lines shown when Jupyter is missing. */
const INSTALL_HELP = [
  'annlab: Jupyter was not found (no `jupyter` with `lab`, `notebook` or `nbclassic` on PATH); `npm start` needs JupyterLab or the classic Notebook.',
  'Install it with `pip install jupyterlab`, `sudo apt install jupyter-notebook` (Debian/Ubuntu) or `conda install -c conda-forge jupyterlab`, then run `npm start` again.',
];

/** Front ends in order of preference: JupyterLab, the Notebook, the classic Notebook. */
const APPS = ['lab', 'notebook', 'nbclassic'];

/**
 * The command `npm start` runs, or undefined when Jupyter or all its front ends are missing.
 * Jupyter finds a subcommand `jupyter X` as an executable `jupyter-X` on PATH or beside
 * `jupyter` itself, so that is where we look.
 */
function startCommand({ env = process.env, root = PROJECT_ROOT, extraArgs = [] } = {}) {
  const searchPath = env.PATH || '';
  const jupyter = findExecutable('jupyter', searchPath, env);
  if (!jupyter) return undefined;
  const searchWithJupyter = [path.dirname(jupyter), searchPath].join(path.delimiter);
  const app = APPS.find((name) => findExecutable(`jupyter-${name}`, searchWithJupyter, env));
  if (!app) return undefined;
  const jupyterPath = [projectJupyterDir(root), env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  // Jupyter refuses to run as root without --allow-root; in a container root is usual.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 && !extraArgs.includes('--allow-root');
  return {
    command: jupyter,
    args: [app, `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`, ...(asRoot ? ['--allow-root'] : []), ...extraArgs],
    // The front end's file browser opens on notebooks/; the kernel itself runs from the root.
    cwd: path.join(root, 'notebooks'),
    env: { JUPYTER_PATH: jupyterPath },
  };
}

function main(args) {
  const dryRun = args.includes('--dry-run');
  const extraArgs = args.filter((a) => a !== '--dry-run');
  try {
    // Refresh the project's kernelspec (cheap; also picks up a new Node after an upgrade).
    installKernel({ target: 'project' });
  } catch (error) {
    console.error(`annlab: could not write the kernelspec under ${projectJupyterDir()} (${error.code || error.message}).`);
    return Promise.resolve(1);
  }
  const cmd = startCommand({ extraArgs });
  if (!cmd) {
    for (const line of INSTALL_HELP) console.error(line);
    return Promise.resolve(1);
  }
  if (dryRun) {
    console.log(JSON.stringify(cmd));
    return Promise.resolve(0);
  }
  console.log(`annlab: starting jupyter ${cmd.args[0]} on ${cmd.cwd} with the '${KERNEL_NAME}' kernel (Ctrl-C twice to stop).`);
  return new Promise((resolve) => {
    const child = spawn(cmd.command, cmd.args, {
      cwd: cmd.cwd,
      env: { ...process.env, ...cmd.env },
      stdio: 'inherit',
    });
    // Ctrl-C reaches Jupyter directly (same terminal); we wait for it to shut down.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('error', (error) => {
      console.error(`annlab: could not run ${cmd.command} (${error.code || error.message}).`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code === null ? (signal === 'SIGINT' ? 0 : 1) : code));
  });
}

module.exports = { startCommand, INSTALL_HELP };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`annlab: npm start failed: ${error && error.message}`);
      process.exit(1);
    },
  );
}
