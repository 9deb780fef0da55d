import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { PROJECT_ROOT, cellText, codeCells, executeNotebook, itWithJupyter, makeNotebook, notebookProblems } from '../support/jupyter';

// "The README's example runs as written": the TypeScript block after the <!-- tour ... -->
// marker is run (as a file with tsx, and as a notebook cell on the annlab kernel), and what
// it prints must be the ```text block that follows it in the README.

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const tour = readme.match(/<!-- tour[^>]*-->\s*```ts\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/);

/** Timings differ from run to run: "in 0.01 s" becomes "in # s". */
const normalise = (text: string) => text.replace(/\d+(\.\d+)? s\b/g, '# s').trim();

const workDir = path.join(PROJECT_ROOT, 'build', 'readme-example');

describe("the README's tour", () => {
  it('is in the README: a ts block after the tour marker and the text block of its output', () => {
    expect(tour).not.toBeNull();
    expect(tour![1]).toContain("from './src'");
  });

  const code = tour ? tour[1] : '';
  const expected = tour ? normalise(tour[2]) : '';
  // As a file two folders below the root, './src' becomes '../../src'.
  const asFile = code.replace(/from '\.\/src'/g, "from '../../src'");
  const file = path.join(workDir, 'tour.ts');

  it('type-checks with the project TypeScript (strict)', () => {
    fs.mkdirSync(workDir, { recursive: true });
    fs.writeFileSync(file, asFile);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  }, 60_000);

  it('runs as a file (npx tsx) and prints the output shown in the README', async () => {
    fs.mkdirSync(workDir, { recursive: true });
    fs.writeFileSync(file, asFile);
    const tsx = require.resolve('tsx/cli', { paths: [PROJECT_ROOT] });
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [tsx, file], { cwd: PROJECT_ROOT }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
      ),
    );
    expect(normalise(stdout)).toBe(expected);
  }, 60_000);

  itWithJupyter('runs as a notebook cell on the annlab kernel, without errors, printing the same', async () => {
    const run = await executeNotebook(makeNotebook([code]), { outputDir: workDir, outputName: 'tour' });
    expect(notebookProblems(run)).toEqual([]);
    expect(normalise(codeCells(run.notebook).map(cellText).join(''))).toBe(expected);
  }, 180_000);
});
