#!/usr/bin/env node
'use strict';
// The launcher of the user-level and system-wide `annlab` kernel: one kernelspec for every
// copy of the course. kernel/install.js copies this file (with message-kernel.js) into the
// kernelspec folder itself, so that deleting a copy of the course never breaks the kernel
// of the others.
//
// Jupyter starts a kernel in the notebook's folder. From there we walk up to the nearest
// enclosing annlab project (a folder holding package.json and kernel/launch.js) and hand
// over to that project's kernel/launch.js, which loads the project's own tslab. So a
// notebook always runs on the engine and exercises of the copy it belongs to.
//
// When there is no such project, or it has no node_modules yet, a small kernel answers every
// cell with one sentence saying so (message-kernel.js), instead of a kernel that dies.
//
// Contract with the projects, kept stable across versions: launch.js is required with
// process.argv = [node, this file, connection file], and ANNLAB_NOTEBOOK_DIR set to the folder
// the kernel was started in.
//
// Usage (from kernel.json): node <kernelspec folder>/launcher.js {connection_file}

/** Compared by kernel/install.js, so that an older copy of the course never downgrades us. */
const LAUNCHER_VERSION = 1;

const fs = require('fs');
const path = require('path');

/** True when `dir` is the root of an annlab project. */
function isProject(dir) {
  return fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'kernel', 'launch.js'));
}

/** The nearest folder at or above `start` that is an annlab project, or undefined. */
function findProject(start) {
  let dir = path.resolve(start);
  for (;;) {
    if (isProject(dir)) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Why the real kernel cannot start from `notebookDir`, in one sentence, or undefined if it can. */
function problem(notebookDir, project = findProject(notebookDir)) {
  if (!project) {
    return `annlab: this notebook's folder ${notebookDir} is not inside an annlab project (a folder with package.json and kernel/launch.js), so open it from within a copy of the course.`;
  }
  if (!fs.existsSync(path.join(project, 'node_modules', 'tslab', 'dist', 'main.js'))) {
    return `annlab: the course at ${project} has no node_modules/tslab yet, so run \`npm install\` there and restart the kernel.`;
  }
  return undefined;
}

function main(argv) {
  const connectionFile = argv[2];
  if (!connectionFile) {
    console.error('annlab kernel: missing the connection file; Jupyter starts this as `node launcher.js {connection_file}`.');
    process.exitCode = 2;
    return;
  }
  const notebookDir = process.cwd();
  const project = findProject(notebookDir);
  const why = problem(notebookDir, project);
  if (why) {
    console.error(why);
    // interrupt_mode is 'signal': Jupyter's interrupt button must not kill this kernel.
    process.on('SIGINT', () => {});
    require('./message-kernel').serveMessageKernel(path.resolve(connectionFile), why);
    return;
  }
  process.env.ANNLAB_NOTEBOOK_DIR = notebookDir;
  require(path.join(project, 'kernel', 'launch.js'));
}

module.exports = { LAUNCHER_VERSION, isProject, findProject, problem };

if (require.main === module) main(process.argv);
