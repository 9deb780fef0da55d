import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT, cellText, codeCells, executeNotebook, itWithJupyter, makeNotebook, notebookProblems } from '../support/jupyter';

// What students rely on in the annlab kernel, checked in real Jupyter: it runs from the
// project root, './src' (a folder) imports like any module, and a file edited between
// cells (an exercise) is recompiled on the next import, whether imported as a file or as
// a folder's index.ts.

describe('the annlab kernel in real Jupyter', () => {
  itWithJupyter('runs from the project root, imports folders, and picks up edited files', async () => {
    const work = path.join(PROJECT_ROOT, 'build', 'kernel-test', String(process.pid));
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(path.join(work, 'folder'), { recursive: true });
    fs.writeFileSync(path.join(work, 'single.ts'), 'export const version: number = 1;\n');
    fs.writeFileSync(path.join(work, 'folder', 'index.ts'), "export * from './value';\n");
    fs.writeFileSync(path.join(work, 'folder', 'value.ts'), 'export const value: number = 10;\n');
    const rel = './' + path.relative(PROJECT_ROOT, work).split(path.sep).join('/');
    const notebook = makeNotebook([
      "console.log('cwd', process.cwd());",
      "import * as engine from './src';\nimport { Matrix } from './src/engine/matrix';\nconsole.log('same Matrix class', engine.Matrix === Matrix);",
      `import { version } from '${rel}/single';\nimport { value } from '${rel}/folder';\nconsole.log('before', version, value);`,
      "import * as fs from 'fs';\n" +
        `fs.writeFileSync('${rel}/single.ts', 'export const version: number = 2;\\n');\n` +
        `fs.writeFileSync('${rel}/folder/value.ts', 'export const value: number = 20;\\n');`,
      `import { version as v2 } from '${rel}/single';\nimport { value as value2 } from '${rel}/folder';\nconsole.log('after', v2, value2);`,
    ]);
    const run = await executeNotebook(notebook, { outputDir: work, outputName: 'kernel' });
    expect(notebookProblems(run)).toEqual([]);
    expect(codeCells(run.notebook).map(cellText)).toEqual([
      `cwd ${PROJECT_ROOT}\n`,
      'same Matrix class true\n',
      'before 1 10\n',
      '',
      'after 2 20\n',
    ]);
  }, 180_000);
});
