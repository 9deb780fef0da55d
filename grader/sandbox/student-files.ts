// A submission's exercise files as a sandbox child receives them: transpiled here, in the
// trusted test process, with source maps for the student's line numbers. The child gets
// JavaScript over IPC and reads no file.
import type * as TS from 'typescript';
import { nodeRequire } from './node-require';

/** One exercise file: its JavaScript and source map, or why it does not compile. */
export type StudentFile = { js: string; map?: string } | { error: string };

/** The names a submission's exercise files may have (no dots, no folders). */
export const EXERCISE_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*\.ts$/;
/** Larger files are not graded. */
export const MAX_EXERCISE_BYTES = 1024 * 1024;

const memory = new Map<string, StudentFile>();

/** Names a JSON file of the files a grading run transpiled ([name, source, file] entries), handed
 *  to its test processes: they then transpile nothing and never load TypeScript. */
export const TRANSPILED_ENV = 'ANNLAB_TRANSPILED';
let handedOver = false;

function takeHandedOver(): void {
  handedOver = true;
  const file = process.env[TRANSPILED_ENV];
  if (!file) return;
  try {
    const fs = require('fs') as typeof import('fs');
    for (const [name, source, result] of JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string, StudentFile][]) memory.set(`${name}\0${source}`, result);
  } catch {
    /* none: transpiled here */
  }
}

/** Every file transpiled in this process so far, as TRANSPILED_ENV's file holds them. */
export function transpiledFiles(): [string, string, StudentFile][] {
  return [...memory].map(([key, result]) => {
    const at = key.indexOf('\0');
    return [key.slice(0, at), key.slice(at + 1), result];
  });
}

/** Transpiles one exercise file; syntax errors (with line numbers) and a file too deeply nested
 *  for the compiler come back as `{ error }`, never as an exception. */
export function transpileStudentFile(name: string, source: string): StudentFile {
  if (!handedOver) takeHandedOver();
  const key = `${name}\0${source}`;
  const hit = memory.get(key);
  if (hit) return hit;
  const ts = nodeRequire('typescript') as typeof TS;
  const fileName = `${name}.ts`;
  let result: StudentFile;
  try {
    const out = ts.transpileModule(source, {
      fileName,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: true },
    });
    const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length) {
      result = {
        error: errors
          .slice(0, 5)
          .map((d) => {
            const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
            if (!d.file || d.start === undefined) return msg;
            const lc = d.file.getLineAndCharacterOfPosition(d.start);
            return `${fileName}:${lc.line + 1}:${lc.character + 1} - ${msg}`;
          })
          .join('\n'),
      };
    } else result = { js: out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: out.sourceMapText };
  } catch (e) {
    // A stack overflow in the compiler (nesting thousands deep) or any other compiler failure.
    result = { error: `${fileName}: the TypeScript compiler could not process this file (${(e as Error).message}); is something nested thousands of levels deep?` };
  }
  if (memory.size > 200) memory.clear();
  memory.set(key, result);
  return result;
}

/** The exercise files a file imports (`./NAME`), by name. */
function siblingImports(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]\.\/([A-Za-z0-9][A-Za-z0-9_-]*)(?:\.ts)?['"]/g)) out.add(m[1]);
  return [...out];
}

/**
 * The exercise file `name` of a folder and every exercise file it imports, directly or not
 * (regular files named like an exercise, at most 1 MB), transpiled: what a child needs to load
 * `name`, and no more (a test file opens one exercise; transpiling the whole folder for each
 * would cost more than the tests).
 */
export function studentFiles(dir: string, name: string): Record<string, StudentFile> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const out: Record<string, StudentFile> = {};
  const queue = [name];
  while (queue.length) {
    const next = queue.shift() as string;
    if (next in out || !EXERCISE_FILE.test(`${next}.ts`)) continue;
    const full = path.join(dir, `${next}.ts`);
    let source: string;
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile() || st.size > MAX_EXERCISE_BYTES) continue;
      source = fs.readFileSync(full, 'utf8');
    } catch {
      continue; // missing: the child says so when it is imported
    }
    out[next] = transpileStudentFile(next, source);
    queue.push(...siblingImports(source));
  }
  return out;
}
