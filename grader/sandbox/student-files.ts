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

/** Transpiles one exercise file; syntax errors (with line numbers) and a file too deeply nested
 *  for the compiler come back as `{ error }`, never as an exception. */
export function transpileStudentFile(name: string, source: string): StudentFile {
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

/** Every exercise file of a folder (regular files named like an exercise, at most 1 MB), transpiled. */
export function studentFiles(dir: string): Record<string, StudentFile> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const out: Record<string, StudentFile> = {};
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return out;
  }
  for (const file of names.sort()) {
    if (!EXERCISE_FILE.test(file)) continue;
    const full = path.join(dir, file);
    const st = fs.lstatSync(full);
    if (!st.isFile() || st.size > MAX_EXERCISE_BYTES) continue;
    out[file.slice(0, -3)] = transpileStudentFile(file.slice(0, -3), fs.readFileSync(full, 'utf8'));
  }
  return out;
}
