// The engine as a sandbox child receives it: every src/engine/**/*.ts transpiled to CommonJS
// and sent over IPC, so that the child reads no file at all. Built once per state of the
// sources and cached in a folder only the grader's user can read.
import type * as TS from 'typescript';
import { nodeRequire } from './node-require';

/** What the child links: the engine's modules, and the names that belong to src/io or check()
 *  (so that importing one of them says why it is missing instead of "not a function"). */
export interface EngineBundle {
  /** transpiled JavaScript by path relative to src/engine, without extension ('matrix/ops') */
  modules: Record<string, string>;
  /** names exported by src/io and the grader's check(), out of the sandbox's reach */
  ioNames: string[];
}

function listTs(dir: string, out: string[] = []): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTs(p, out);
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Exported names declared in a TypeScript source (declarations and `export { a, b as c }`). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  return [...names];
}

const memory = new Map<string, EngineBundle>();

/** The engine bundle of a project (memoised per process, cached on disk by content). */
export function engineBundle(projectRoot: string): EngineBundle {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const crypto = require('crypto') as typeof import('crypto');
  const engineDir = path.join(projectRoot, 'src', 'engine');
  const files = listTs(engineDir);
  const hash = crypto.createHash('sha256').update('annlab-engine-2\0');
  const sources = files.map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    hash.update(path.relative(engineDir, f)).update('\0').update(text).update('\0');
    return text;
  });
  const ioFiles = [...listTs(path.join(projectRoot, 'src', 'io')), path.join(projectRoot, 'grader', 'check.ts')].filter((f) => fs.existsSync(f));
  const ioSources = ioFiles.map((f) => fs.readFileSync(f, 'utf8'));
  for (const s of ioSources) hash.update(s);
  const key = hash.digest('hex').slice(0, 32);
  const hit = memory.get(key);
  if (hit) return hit;
  const cacheDir = path.join(projectRoot, 'node_modules', '.cache', 'annlab-sandbox');
  const cacheFile = path.join(cacheDir, `engine-${key}.json`);
  try {
    const bundle = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as EngineBundle;
    memory.set(key, bundle);
    return bundle;
  } catch {
    /* not cached yet */
  }
  const ts = nodeRequire('typescript') as typeof TS;
  const modules: Record<string, string> = {};
  files.forEach((f, i) => {
    const out = ts.transpileModule(sources[i], {
      fileName: f,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    modules[path.relative(engineDir, f).split(path.sep).join('/').replace(/\.ts$/, '')] = out.outputText;
  });
  const engineNames = new Set(sources.flatMap(exportedNames));
  const ioNames = [...new Set(ioSources.flatMap(exportedNames))].filter((n) => !engineNames.has(n)).sort();
  const bundle: EngineBundle = { modules, ioNames };
  memory.set(key, bundle);
  try {
    // Private to the grader's user: the sandbox user (nobody) has no business here.
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(cacheDir, 0o700);
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(bundle), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
  } catch {
    /* a read-only install: built again next time */
  }
  return bundle;
}
