'use strict';
/* Type-checks a submission's exercise files as a notebook would: with tslab's own TypeScript
 * (5.0.4), Node10 resolution and strict mode, each file seen at <project>/exercises/NAME.ts so
 * that '../src' and sibling exercises resolve as in the course. Of Node's declarations only
 * `console` is kept (reading all of @types/node doubles the time, and an exercise needs no more).
 * Started by grader/type-check.ts as a child process with a time limit per submission (a file
 * that defeats the compiler costs only this check), and kept for the next submission of a batch:
 * TypeScript is loaded, and the course's own files (TypeScript's lib, the engine) parsed, once.
 *
 * Each message { projectRoot, dir, exercises } is answered with
 * { errors: { NAME: "exercises/NAME.ts:L:C - message\n..." } }.
 */
const fs = require('fs');
const path = require('path');
const { tslabTypeScript, tslabCompilerOptions } = require('../kernel/tslab-options');

let ts;
let options;
/** Parsed files that are not the submission's, by path, with the text they were parsed from. */
const parsed = new Map();
let oldProgram;

const GLOBALS_TEXT = `interface Console { log(...data: any[]): void; error(...data: any[]): void; warn(...data: any[]): void; info(...data: any[]): void; debug(...data: any[]): void; table(data: any, columns?: string[]): void; }
declare var console: Console;`;

function check({ projectRoot, dir, exercises }) {
  if (!ts) {
    ts = tslabTypeScript(projectRoot);
    options = tslabCompilerOptions(ts, { types: [], noEmit: true, rootDir: projectRoot });
  }
  const virtualDir = path.join(projectRoot, 'exercises');
  const GLOBALS = path.join(virtualDir, '.annlab-globals.d.ts');
  /** A file of the submission, where the course has it. */
  function submitted(file) {
    const rel = path.relative(virtualDir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel) || rel.includes(path.sep)) return undefined;
    return path.join(dir, rel);
  }
  const isFile = (f) => fs.existsSync(f) && fs.lstatSync(f).isFile();
  const host = ts.createCompilerHost(options, true);
  const realRead = host.readFile.bind(host);
  const realExists = host.fileExists.bind(host);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => {
    if (f === GLOBALS) return GLOBALS_TEXT;
    const s = submitted(f);
    if (s !== undefined) return isFile(s) ? fs.readFileSync(s, 'utf8') : undefined;
    return realRead(f);
  };
  host.fileExists = (f) => {
    if (f === GLOBALS) return true;
    const s = submitted(f);
    return s !== undefined ? isFile(s) : realExists(f);
  };
  // The submission's files are parsed afresh; the others are kept while their text is the same.
  host.getSourceFile = (f, languageVersion, onError) => {
    if (submitted(f) !== undefined) {
      const text = host.readFile(f);
      return text === undefined ? undefined : ts.createSourceFile(f, text, languageVersion, true);
    }
    const text = f === GLOBALS ? GLOBALS_TEXT : realRead(f);
    const kept = parsed.get(f);
    if (kept && kept.text === text) return kept.sourceFile;
    const sourceFile = text === undefined ? realGetSourceFile(f, languageVersion, onError) : ts.createSourceFile(f, text, languageVersion, true);
    if (sourceFile && text !== undefined) parsed.set(f, { text, sourceFile });
    return sourceFile;
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
  const program = ts.createProgram([GLOBALS, ...roots.map((r) => r[1])], options, host, oldProgram);
  oldProgram = program;
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
  return { errors };
}

process.on('message', (request) => process.send(check(request)));
process.on('disconnect', () => process.exit(0));
