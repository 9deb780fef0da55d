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

let cacheFolder: string | undefined;

/**
 * The folder of transpiled exercise files, beside the compiled tests (the grader's user's own,
 * mode 700: grader/runner/compile-cache.js, with its fallback for a shared node_modules). Made
 * once per process, when the files not used for a day are dropped if there are too many.
 */
function cacheDir(): string {
  if (cacheFolder !== undefined) return cacheFolder;
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '..', '..');
  try {
    const { compiledDirectory } = require('../runner/compile-cache') as { compiledDirectory(root: string): string };
    cacheFolder = path.join(compiledDirectory(root), 'exercises');
    fs.mkdirSync(cacheFolder, { recursive: true, mode: 0o700 });
    prune(cacheFolder);
  } catch {
    cacheFolder = path.join(root, 'node_modules', '.cache', 'annlab-tests', 'exercises'); // reads and writes fail quietly
  }
  return cacheFolder;
}

/** Past this many files, the cache drops those not used for a day. */
const CACHE_FILES = 2000;

/** The version of TypeScript that transpiles, read without loading the compiler. */
let tsVersion: string | undefined;
function typescriptVersion(): string {
  if (tsVersion === undefined) {
    try {
      const createRequire = (require('module') as typeof import('module')).createRequire;
      const file = createRequire(__filename).resolve('typescript/package.json');
      tsVersion = String(JSON.parse((require('fs') as typeof import('fs')).readFileSync(file, 'utf8')).version);
    } catch {
      tsVersion = 'unknown';
    }
  }
  return tsVersion;
}

function isStudentFile(v: unknown): v is StudentFile {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.error === 'string' || (typeof o.js === 'string' && (o.map === undefined || typeof o.map === 'string'));
}

/** The cached transpilation of a file, by a hash of its name and source (and the compiler's version). */
function readCached(file: string): StudentFile | undefined {
  try {
    const v = JSON.parse((require('fs') as typeof import('fs')).readFileSync(file, 'utf8')) as unknown;
    return isStudentFile(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Drops the files not used for a day, once the folder holds more than CACHE_FILES. */
function prune(dir: string): void {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const names = fs.readdirSync(dir);
  if (names.length <= CACHE_FILES) return;
  const dayAgo = Date.now() - 86_400_000;
  for (const n of names) {
    const p = path.join(dir, n);
    try {
      if (fs.statSync(p).atimeMs < dayAgo) fs.rmSync(p, { force: true });
    } catch {
      /* gone already */
    }
  }
}

function writeCached(file: string, result: StudentFile): void {
  const fs = require('fs') as typeof import('fs');
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(result), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    /* a read-only install: transpiled again next time */
  }
}

/** Where the transpilation of an exercise file is cached: a hash of its name and source, and of
 *  the compiler's version. */
export function studentCacheFile(name: string, source: string): string {
  const crypto = require('crypto') as typeof import('crypto');
  const path = require('path') as typeof import('path');
  const hash = crypto.createHash('sha256').update(`annlab-student-1\0${typescriptVersion()}\0${name}\0${source}`).digest('hex').slice(0, 40);
  return path.join(cacheDir(), `${hash}.json`);
}

/**
 * Transpiles one exercise file; syntax errors (with line numbers) and a file too deeply nested
 * for the compiler come back as `{ error }`, never as an exception. Results are cached on disk by
 * a hash of the name and source: the grader transpiles each file of a submission when it checks
 * for syntax errors, and the test processes then read it without loading TypeScript (0.7 s of
 * CPU each).
 */
export function transpileStudentFile(name: string, source: string): StudentFile {
  const key = `${name}\0${source}`;
  const hit = memory.get(key);
  if (hit) return hit;
  const cacheFile = studentCacheFile(name, source);
  const cached = readCached(cacheFile);
  if (cached) {
    remember(key, cached);
    return cached;
  }
  const result = transpileNow(name, source);
  writeCached(cacheFile, result);
  remember(key, result);
  return result;
}

function remember(key: string, result: StudentFile): void {
  if (memory.size > 200) memory.clear();
  memory.set(key, result);
}

/** The transpilation itself (TypeScript's transpileModule, with a source map). */
function transpileNow(name: string, source: string): StudentFile {
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
