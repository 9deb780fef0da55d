import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tslabCompilerOptions, tslabTypeScript as tslabTs } from '../../kernel/tslab-options';
import { PROJECT_ROOT } from '../support/jupyter';

// Notebooks import src/, exercises/ and solutions/ as TypeScript source, compiled by the
// TypeScript that tslab bundles (5.0.4), not by the project's. So everything there must
// compile with both: the project's tsc (strict, all of the project) and tslab's compiler
// with tslab's own options (kernel/tslab-options.js), declarations included.

type TS = typeof import('typescript');

/** The TypeScript inside tslab: node_modules/@tslab/typescript-for-tslab (5.0.4 for tslab 1.0.22). */
function tslabTypeScript(): TS {
  return tslabTs(PROJECT_ROOT) as TS;
}

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Runs the project's tsc on tsconfig.json; resolves with its exit code and output. */
function projectTsc(): Promise<{ code: number | null; output: string }> {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [PROJECT_ROOT] });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', PROJECT_ROOT], { cwd: PROJECT_ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('type checking', () => {
  // Start tsc at once so that it runs on the other core while tslab's compiler runs here.
  let tscRun: ReturnType<typeof projectTsc>;
  beforeAll(() => {
    tscRun = projectTsc();
  });

  it("src/ (with the grader's check() it re-exports), exercises/ and solutions/ compile with tslab's TypeScript 5.0.4 and its options (strict)", () => {
    const ts = tslabTypeScript();
    expect(ts.version).toBe('5.0.4');
    const files = ['src', 'exercises', 'solutions'].flatMap((d) => tsFiles(path.join(PROJECT_ROOT, d)));
    expect(files.length).toBeGreaterThan(0);
    const program = ts.createProgram(files, tslabCompilerOptions(ts, { types: ['node'], declaration: true, noEmit: true, rootDir: PROJECT_ROOT }));
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.getDeclarationDiagnostics()];
    const messages = diagnostics.map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.relative(PROJECT_ROOT, d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${text}`;
    });
    expect(messages).toEqual([]);
  }, 60_000);

  it('the whole project passes `tsc --noEmit -p .` (strict)', async () => {
    const { code, output } = await tscRun;
    expect(output.trim().split('\n').filter(Boolean)).toEqual([]);
    expect(code).toBe(0);
  }, 90_000);
});
