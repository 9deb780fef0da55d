#!/usr/bin/env node
'use strict';
// Registers the Jupyter kernel "TypeScript (annlab)" (name `annlab`). Run by `npm install`
// (postinstall) and `npm ci`, refreshed by `npm start`.
//
// Where the kernelspec goes, and why:
//  1. <project>/.jupyter/kernels/annlab/kernel.json, always, running this copy's
//     kernel/launch.js. The project owns this folder; `npm start` and the test suite put it
//     first in JUPYTER_PATH, so they always get this copy's kernel.
//  2. A shared Jupyter data folder, for VS Code, a JupyterLab started by hand, JupyterHub:
//     the user's (`jupyter --paths`, "data"; e.g. ~/.local/share/jupyter) by default, the
//     machine's with --system (/usr/local/share/jupyter; %PROGRAMDATA%\jupyter on Windows),
//     or any folder with --dir. This one is the same for every copy of the course: its argv
//     runs launcher.js, copied into the kernelspec folder itself, which finds the project
//     from the notebook's folder (see launcher.js). So no copy owns it, deleting a copy
//     breaks nothing, and installing another copy changes nothing. The user's folder is
//     skipped when CI is set (a CI machine has no editor to serve) or when
//     ANNLAB_USER_KERNEL=0; ANNLAB_USER_KERNEL=1 forces it.
//
// Paths are absolute, computed here at install time: the Node that runs the install is the
// Node that runs the kernel.
//
// As `npm install`'s postinstall this script never fails: whatever goes wrong, it prints one
// line and exits 0. Asked explicitly (--system, --dir) it exits 1 when it could not write.
//
// Usage: node kernel/install.js [--project-only | --system | --dir DATA_DIR] [--quiet]

const fs = require('fs');
const path = require('path');
const {
  PROJECT_ROOT,
  KERNEL_NAME,
  KERNEL_DISPLAY_NAME,
  projectJupyterDir,
  userJupyterDataDir,
  systemJupyterDataDir,
  isCI,
} = require('./common');
const { LAUNCHER_VERSION } = require('./launcher');

/** The files copied from kernel/ into a shared kernelspec folder: the launcher and what it needs. */
const SHARED_FILES = ['launcher.js', 'message-kernel.js'];

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

/** The kernel.json of a shared kernelspec folder `dir`: its own launcher, for every copy. */
function sharedSpec(dir, nodePath = process.execPath) {
  return {
    argv: [nodePath, path.join(dir, 'launcher.js'), '{connection_file}'],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'signal',
    metadata: { annlab: { launcher: LAUNCHER_VERSION } },
  };
}

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `file` unless it already holds exactly that; returns whether it wrote.
 * Write then rename, so that a Jupyter reading the folder never sees half a file.
 * Readable by everyone (0644): a machine-wide kernel serves every user.
 */
function writeIfChanged(file, text) {
  if (readOrUndefined(file) === text) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o644 });
  fs.chmodSync(tmp, 0o644);
  fs.renameSync(tmp, file);
  return true;
}

/** Writes the project's own kernelspec (<dataDir>/kernels/annlab/kernel.json). */
function writeProjectSpec(dataDir, spec) {
  const dir = path.join(dataDir, 'kernels', KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kernel.json');
  return { file, changed: writeIfChanged(file, JSON.stringify(spec, null, 2) + '\n') };
}

/**
 * Writes the shared kernelspec into <dataDir>/kernels/annlab: the launcher's files first,
 * then kernel.json, each only if it changed. A launcher of a newer version (from a newer
 * copy of the course) is left in place. Says when it replaced a kernelspec of the old kind,
 * tied to one project.
 */
function writeSharedSpec(dataDir, nodePath = process.execPath, sourceDir = __dirname) {
  const dir = path.join(dataDir, 'kernels', KERNEL_NAME);
  const file = path.join(dir, 'kernel.json');
  const installed = /const LAUNCHER_VERSION = (\d+);/.exec(readOrUndefined(path.join(dir, 'launcher.js')) || '');
  if (installed && Number(installed[1]) > LAUNCHER_VERSION) return { file, changed: false, newer: Number(installed[1]) };
  let replaced;
  try {
    replaced = JSON.parse(readOrUndefined(file) || '{}').metadata?.annlab?.project;
  } catch {
    // An unreadable old kernel.json is simply replaced.
  }
  fs.mkdirSync(dir, { recursive: true });
  let changed = false;
  for (const name of SHARED_FILES) {
    changed = writeIfChanged(path.join(dir, name), fs.readFileSync(path.join(sourceDir, name), 'utf8')) || changed;
  }
  changed = writeIfChanged(file, JSON.stringify(sharedSpec(dir, nodePath), null, 2) + '\n') || changed;
  return { file, changed, ...(replaced ? { replaced } : {}) };
}

/** Where `npm install` puts the shared kernel, and if nowhere, why. */
function userInstallDecision(env = process.env) {
  const flag = (env.ANNLAB_USER_KERNEL || '').trim();
  if (flag === '1') return { user: true };
  if (flag === '0') return { user: false, reason: 'ANNLAB_USER_KERNEL=0' };
  if (isCI(env)) return { user: false, reason: 'CI is set' };
  return { user: true };
}

/** The shared folders a kernel can be installed to. */
const TARGETS = ['project', 'user', 'system', 'dir'];

/** The Jupyter data folder of a target ('project' has none besides the project's own). */
function targetDataDir(target, { dataDir, env = process.env, platform = process.platform } = {}) {
  if (!TARGETS.includes(target)) throw new Error(`target must be one of ${TARGETS.join(', ')}, got ${JSON.stringify(target)}`);
  if (target === 'user') return userJupyterDataDir(env, platform);
  if (target === 'system') return systemJupyterDataDir(env, platform);
  if (target === 'dir') {
    if (!dataDir) throw new Error('target "dir" needs a dataDir');
    return path.resolve(dataDir);
  }
  return undefined;
}

/**
 * Installs the project's kernelspec and, unless target is 'project', the shared one.
 * Throws only if the project's own copy cannot be written; a failure in the shared folder
 * is reported in the result (sharedError).
 */
function installKernel({ root = PROJECT_ROOT, target = 'user', dataDir, env = process.env, platform = process.platform, nodePath = process.execPath } = {}) {
  const sharedDir = targetDataDir(target, { dataDir, env, platform });
  const spec = kernelSpec(root, nodePath);
  const project = writeProjectSpec(projectJupyterDir(root), spec);
  const result = { project, spec, target };
  if (sharedDir) {
    try {
      result.shared = writeSharedSpec(sharedDir, nodePath);
    } catch (error) {
      result.sharedError = `${path.join(sharedDir, 'kernels', KERNEL_NAME)}: ${error.code || error.message}`;
    }
  }
  result.tslabMissing = !fs.existsSync(path.join(root, 'node_modules', 'tslab', 'dist', 'main.js'));
  return result;
}

/** The one line that `npm install` shows. */
function describe(result, skippedUserReason) {
  const where = [path.dirname(result.project.file)];
  if (result.shared) where.push(path.dirname(result.shared.file));
  const changed = result.project.changed || (result.shared && result.shared.changed);
  const line = `annlab: Jupyter kernel '${KERNEL_DISPLAY_NAME}' ${changed ? 'registered in' : 'up to date in'} ${where.join(' and ')}`;
  const notes = [];
  if (result.shared) notes.push('the latter serves every copy of the course, found from the notebook\'s folder');
  if (result.shared && result.shared.replaced) notes.push(`it replaces the kernel tied to ${result.shared.replaced}`);
  if (result.shared && result.shared.newer) notes.push(`its launcher is newer (version ${result.shared.newer}) and was kept`);
  if (result.sharedError) notes.push(`could not write ${result.sharedError}`);
  if (skippedUserReason) notes.push(`not in the user's Jupyter folder: ${skippedUserReason}`);
  if (result.tslabMissing) notes.push('tslab is not installed yet: run npm install');
  return line + (notes.length ? ` (${notes.join('; ')})` : '') + '.';
}

/** The target named by the command line (see Usage), with the reason when the user's folder is skipped. */
function parseArgs(args, env = process.env) {
  const quiet = args.includes('--quiet');
  if (args.includes('--project-only')) return { target: 'project', quiet };
  if (args.includes('--system')) return { target: 'system', quiet, explicit: true };
  const at = args.indexOf('--dir');
  if (at >= 0) {
    if (!args[at + 1]) throw new Error('--dir needs a Jupyter data folder');
    return { target: 'dir', dataDir: args[at + 1], quiet, explicit: true };
  }
  const decision = userInstallDecision(env);
  return decision.user ? { target: 'user', quiet } : { target: 'project', quiet, reason: decision.reason };
}

function main(args) {
  let options;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.log(`annlab: ${error.message}; usage: node kernel/install.js [--project-only | --system | --dir DATA_DIR] [--quiet]`);
    return 2;
  }
  try {
    const result = installKernel({ target: options.target, dataDir: options.dataDir });
    const changed = result.project.changed || (result.shared && result.shared.changed);
    if (!options.quiet || changed || result.sharedError) console.log(describe(result, options.reason));
    return options.explicit && result.sharedError ? 1 : 0;
  } catch (error) {
    const reason = error && (error.code ? `${error.code} at ${error.path || '?'}` : error.message);
    console.log(`annlab: could not register the Jupyter kernel (${reason}); \`npm start\` retries, or run \`node kernel/install.js\`.`);
    return options.explicit ? 1 : 0;
  }
}

module.exports = { kernelSpec, sharedSpec, writeSharedSpec, installKernel, targetDataDir, userInstallDecision, parseArgs, describe, SHARED_FILES, TARGETS };

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
