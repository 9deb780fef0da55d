'use strict';
// Paths and look-ups shared by the kernel scripts. Plain Node (no TypeScript) so that
// `npm install` and `npm start` run them without a compile step.

const fs = require('fs');
const os = require('os');
const path = require('path');

/** The project root: the folder above kernel/, wherever the clone lives. */
const PROJECT_ROOT = path.resolve(__dirname, '..');

/** The kernel's name (what notebooks store in metadata.kernelspec.name). */
const KERNEL_NAME = 'annlab';

/** The name Jupyter shows in its kernel menu. */
const KERNEL_DISPLAY_NAME = 'TypeScript (annlab)';

/** A Jupyter data folder that the project owns; `npm start` puts it first in JUPYTER_PATH. */
function projectJupyterDir(root = PROJECT_ROOT) {
  return path.join(root, '.jupyter');
}

/**
 * The user's Jupyter data folder, computed as jupyter_core does (`jupyter --paths`, "data"):
 * $JUPYTER_DATA_DIR, else ~/Library/Jupyter (macOS), %APPDATA%\jupyter (Windows),
 * $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter (Linux and others).
 */
function userJupyterDataDir(env = process.env, platform = process.platform) {
  if (env.JUPYTER_DATA_DIR) return path.resolve(env.JUPYTER_DATA_DIR);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Jupyter');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'jupyter');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'jupyter');
}

/**
 * The machine-wide Jupyter data folder that every user's Jupyter searches (the first of
 * jupyter_core's SYSTEM_JUPYTER_PATH): %PROGRAMDATA%\jupyter on Windows,
 * /usr/local/share/jupyter elsewhere (Linux, macOS).
 */
function systemJupyterDataDir(env = process.env, platform = process.platform) {
  if (platform === 'win32') return path.join(env.PROGRAMDATA || 'C:\\ProgramData', 'jupyter');
  return '/usr/local/share/jupyter';
}

/** True when running under continuous integration (CI set to anything but '', 0 or false). */
function isCI(env = process.env) {
  const v = (env.CI || '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

function isExecutableFile(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first executable called `name` in the folders of `searchPath` (a PATH string),
 * or undefined. On Windows the PATHEXT extensions are tried too.
 */
function findExecutable(name, searchPath = process.env.PATH || '', env = process.env) {
  const extensions =
    process.platform === 'win32' ? ['', ...(env.PATHEXT || '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

module.exports = {
  PROJECT_ROOT,
  KERNEL_NAME,
  KERNEL_DISPLAY_NAME,
  projectJupyterDir,
  userJupyterDataDir,
  systemJupyterDataDir,
  isCI,
  findExecutable,
};
