'use strict';
// How an error thrown while a cell runs is shown to the student: the frames of the project's
// own files (exercises, the engine, files beside the notebooks) at their .ts lines, the cell
// itself as one "at the cell" frame, and the line of the student's file that failed. tslab's
// executor, Node's vm and this kernel's own frames say nothing to a student and are left out.

const fs = require('fs');
const path = require('path');
const util = require('util');
const { fileURLToPath } = require('url');

/** A frame `    at name (file:line:column)` or `    at file:line:column`, split up. */
const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

/** The file of a frame as a path ('file:///x' becomes '/x'). */
function framePath(file) {
  if (!file.startsWith('file://')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

/** One frame of the stack: what it becomes for the student, or null to leave it out. */
function studentFrame(line, root) {
  if (/evalmachine\.<anonymous>/.test(line)) return { text: '    at the cell', cell: true };
  const m = FRAME.exec(line);
  if (!m) return null;
  const file = framePath(m[2]);
  if (!path.isAbsolute(file)) return null; // node:vm, evalmachine, native code
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const top = rel.split(path.sep)[0];
  if (top === 'node_modules' || top === 'kernel') return null;
  const where = `${rel.split(path.sep).join('/')}:${m[3]}:${m[4]}`;
  return { text: m[1] ? `    at ${m[1]} (${where})` : `    at ${where}`, file, rel, line: Number(m[3]), column: Number(m[4]) };
}

/** `file:line`, the line itself and a caret under the column, or '' if the file cannot be read. */
function excerpt(frame, readFile) {
  try {
    const text = readFile(frame.file).split('\n')[frame.line - 1];
    if (text === undefined) return '';
    return `${frame.rel.split(path.sep).join('/')}:${frame.line}\n${text}\n${' '.repeat(Math.max(0, frame.column - 1))}^\n\n`;
  } catch {
    return '';
  }
}

/**
 * The error as the student should read it. Its stack is already mapped to .ts lines where the
 * code carries a source map (source-maps.js). Anything that is not an Error is inspected as is.
 */
function formatError(error, root, readFile = (f) => fs.readFileSync(f, 'utf8')) {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return util.inspect(error);
  // With source maps on, Node puts the failing line above the message: we choose our own.
  const all = error.stack.split('\n');
  const start = all.indexOf(String(error).split('\n')[0]);
  const lines = all.slice(Math.max(0, start));
  const first = lines.findIndex((l) => FRAME.test(l) || /^\s*at /.test(l));
  const header = (first < 0 ? lines : lines.slice(0, first)).join('\n');
  const frames = [];
  for (const line of first < 0 ? [] : lines.slice(first)) {
    const frame = studentFrame(line, root);
    if (!frame) continue;
    if (frame.cell && frames.length > 0 && frames[frames.length - 1].cell) continue;
    frames.push(frame);
  }
  // The line to show: the first frame in the student's own files (the engine's say where it
  // refused, not where the student called it).
  const own = frames.find((f) => f.file && !f.rel.startsWith(`src${path.sep}`));
  const shown = own && /\.tsx?$/.test(own.file) ? excerpt(own, readFile) : '';
  return `${shown}${header}${frames.map((f) => `\n${f.text}`).join('')}`;
}

module.exports = { formatError, studentFrame };
