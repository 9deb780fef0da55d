#!/usr/bin/env node
'use strict';
// Registers the Jupyter kernel "TypeScript (annlab)" (name `annlab`). Run by `npm install`
// (postinstall) and `npm ci`, refreshed by `npm start`.
//
// Where the kernelspec goes, and why:
//  1. <project>/.jupyter/kernels/annlab/kernel.json, always. The project owns this folder;
//     `npm start` and the test suite put it first in JUPYTER_PATH, so they always get this
//     clone's kernel, even when several clones exist.
//  2. The user's Jupyter data folder (`jupyter --paths`, "data"; e.g. ~/.local/share/jupyter),
//     so that VS Code, a JupyterLab started by hand or any other front end finds the kernel
//     too. The last clone installed wins there. Skipped when CI is set (a CI machine has no
//     editor to serve) or when ANNLAB_USER_KERNEL=0; ANNLAB_USER_KERNEL=1 forces it.
//
// Paths are absolute and computed here, at install time, because a clone can live anywhere:
// argv = [this Node, <project>/kernel/launch.js, {connection_file}].
//
// This script never fails an install: whatever goes wrong, it prints one line and exits 0.
//
// Usage: node kernel/install.js [--project-only] [--quiet]

const fs = require('fs');
const path = require('path');
const {
  PROJECT_ROOT,
  KERNEL_NAME,
  KERNEL_DISPLAY_NAME,
  projectJupyterDir,
  userJupyterDataDir,
  isCI,
} = require('./common');

/** The kernel.json for the project at `root`, run by the Node at `nodePath`. */
function kernelSpec(root = PROJECT_ROOT, nodePath = process.execPath) {
  let version = 'unknown';
  try {
    version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version || version;
  } catch {
    // A missing package.json only loses the version in the metadata.
  }
  return {
    argv: [nodePath, path.join(root, 'kernel', 'launch.js'), '{connection_file}'],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'signal',
    metadata: { annlab: { project: root, version } },
  };
}

/**
 * Writes `spec` as <dataDir>/kernels/annlab/kernel.json unless it already holds exactly that.
 * Returns what happened and, when another project's kernel was replaced, that project.
 */
function writeSpec(dataDir, spec) {
  const dir = path.join(dataDir, 'kernels', KERNEL_NAME);
  const file = path.join(dir, 'kernel.json');
  const text = JSON.stringify(spec, null, 2) + '\n';
  let previous;
  try {
    previous = fs.readFileSync(file, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous === text) return { file, changed: false };
  let replaced;
  try {
    const project = JSON.parse(previous || '{}').metadata?.annlab?.project;
    if (project && project !== spec.metadata.annlab.project) replaced = project;
  } catch {
    // An unreadable old kernel.json is simply replaced.
  }
  fs.mkdirSync(dir, { recursive: true });
  // Write then rename, so that a Jupyter reading the folder never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return { file, changed: true, replaced };
}

/** Whether the kernel also goes into the user's Jupyter data folder, and if not, why. */
function userInstallDecision(env = process.env) {
  const flag = (env.ANNLAB_USER_KERNEL || '').trim();
  if (flag === '1') return { user: true };
  if (flag === '0') return { user: false, reason: 'ANNLAB_USER_KERNEL=0' };
  if (isCI(env)) return { user: false, reason: 'CI is set' };
  return { user: true };
}

/**
 * Installs the kernelspec. Throws only if the project's own copy cannot be written;
 * a failure in the user's folder is reported in the result.
 */
function installKernel({ root = PROJECT_ROOT, user = true, env = process.env, nodePath = process.execPath } = {}) {
  const spec = kernelSpec(root, nodePath);
  const project = writeSpec(projectJupyterDir(root), spec);
  const result = { project, spec };
  if (user) {
    const dataDir = userJupyterDataDir(env);
    try {
      result.user = writeSpec(dataDir, spec);
    } catch (error) {
      result.userError = `${path.join(dataDir, 'kernels', KERNEL_NAME)}: ${error.code || error.message}`;
    }
  }
  result.tslabMissing = !fs.existsSync(path.join(root, 'node_modules', 'tslab', 'dist', 'main.js'));
  return result;
}

/** The one line that `npm install` shows. */
function describe(result, skippedUserReason) {
  const where = [path.dirname(result.project.file)];
  if (result.user) where.push(path.dirname(result.user.file));
  const changed = result.project.changed || (result.user && result.user.changed);
  const line = `annlab: Jupyter kernel '${KERNEL_DISPLAY_NAME}' ${changed ? 'registered in' : 'up to date in'} ${where.join(' and ')}`;
  const notes = [];
  if (result.user && result.user.replaced) notes.push(`replacing the one of ${result.user.replaced}`);
  if (result.userError) notes.push(`could not write ${result.userError}`);
  if (skippedUserReason) notes.push(`not in the user's Jupyter folder: ${skippedUserReason}`);
  if (result.tslabMissing) notes.push('tslab is not installed yet: run npm install');
  return line + (notes.length ? ` (${notes.join('; ')})` : '') + '.';
}

function main(args) {
  const projectOnly = args.includes('--project-only');
  const quiet = args.includes('--quiet');
  const decision = projectOnly ? { user: false } : userInstallDecision();
  try {
    const result = installKernel({ user: decision.user });
    const changed = result.project.changed || (result.user && result.user.changed);
    if (!quiet || changed || result.userError) console.log(describe(result, decision.reason));
  } catch (error) {
    const reason = error && (error.code ? `${error.code} at ${error.path || '?'}` : error.message);
    console.log(`annlab: could not register the Jupyter kernel (${reason}); \`npm start\` retries, or run \`node kernel/install.js\`.`);
  }
  return 0;
}

module.exports = { kernelSpec, installKernel, userInstallDecision, describe };

if (require.main === module) {
  let code = 0;
  try {
    code = main(process.argv.slice(2));
  } catch {
    // Never fail `npm install` because of the kernel.
    code = 0;
  }
  process.exitCode = code;
}
