'use strict';
/* Type-checks a submission's exercise files as a notebook would: with tslab's own TypeScript
 * (5.0.4), Node10 resolution and strict mode, each file seen at <project>/exercises/NAME.ts so
 * that '../src' and sibling exercises resolve as in the course. Of Node's declarations only
 * `console` is kept (reading all of @types/node doubles the time, and an exercise needs no more).
 * Run by grader/type-check.ts in a child process with a time limit (a file that defeats the
 * compiler costs only this check).
 *
 *   node type-check-worker.js '{"projectRoot": ..., "dir": ..., "exercises": [...]}'
 * prints { "errors": { NAME: "exercises/NAME.ts:L:C - message\n..." } } on stdout.
 */
const fs = require('fs');
const path = require('path');

const { projectRoot, dir, exercises } = JSON.parse(process.argv[2]);
const { tslabTypeScript, tslabCompilerOptions } = require('../kernel/tslab-options');
const ts = tslabTypeScript(projectRoot);

const virtualDir = path.join(projectRoot, 'exercises');
/** A file of the submission, where the course has it. */
function submitted(file) {
  const rel = path.relative(virtualDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.includes(path.sep)) return undefined;
  return path.join(dir, rel);
}

const options = tslabCompilerOptions(ts, { types: [], noEmit: true, rootDir: projectRoot });
const host = ts.createCompilerHost(options, true);
const realRead = host.readFile.bind(host);
const realExists = host.fileExists.bind(host);
const GLOBALS = path.join(projectRoot, 'exercises', '.annlab-globals.d.ts');
const GLOBALS_TEXT = `interface Console { log(...data: any[]): void; error(...data: any[]): void; warn(...data: any[]): void; info(...data: any[]): void; debug(...data: any[]): void; table(data: any, columns?: string[]): void; }
declare var console: Console;`;
host.readFile = (f) => {
  if (f === GLOBALS) return GLOBALS_TEXT;
  const s = submitted(f);
  if (s !== undefined) return fs.existsSync(s) && fs.lstatSync(s).isFile() ? fs.readFileSync(s, 'utf8') : undefined;
  return realRead(f);
};
host.fileExists = (f) => {
  if (f === GLOBALS) return true;
  const s = submitted(f);
  return s !== undefined ? fs.existsSync(s) && fs.lstatSync(s).isFile() : realExists(f);
};

// A file the parser cannot take (thousands of levels deep) is left to the transpile check.
const roots = [];
for (const name of exercises) {
  const file = path.join(virtualDir, `${name}.ts`);
  const text = host.readFile(file);
  if (text === undefined) continue;
  try {
    ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    roots.push([name, file]);
  } catch (e) {
    /* reported as a compile error */
  }
}

function format(name, diagnostics) {
  return diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .slice(0, 5)
    .map((d) => {
      const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return msg;
      const lc = d.file.getLineAndCharacterOfPosition(d.start);
      return `exercises/${name}.ts:${lc.line + 1}:${lc.character + 1} - error TS${d.code}: ${msg}`;
    })
    .join('\n');
}

const errors = {};
const program = ts.createProgram([GLOBALS, ...roots.map((r) => r[1])], options, host);
for (const [name, file] of roots) {
  const sf = program.getSourceFile(file);
  if (!sf) continue;
  try {
    const text = format(name, [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]);
    if (text) errors[name] = text;
  } catch (e) {
    errors[name] = `exercises/${name}.ts: the type checker could not process this file (${e.message})`;
  }
}
process.stdout.write(JSON.stringify({ errors }));
