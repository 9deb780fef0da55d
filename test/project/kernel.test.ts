import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyCourse, markCopy } from '../support/course-copy';
import { PROJECT_ROOT, cellText, codeCells, executeNotebook, itWithJupyter, jupyterStatus, makeNotebook, notebookProblems } from '../support/jupyter';

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

// One kernelspec in the user's Jupyter folder serves every copy of the course: two copies side
// by side, each notebook imports its own exercises; a deleted copy breaks nothing for the other;
// outside any copy, the notebook says why in one sentence.
describe('one annlab kernel for every copy of the course (user-level kernelspec, real Jupyter)', () => {
  itWithJupyter('each copy runs its own exercises, and deleting one copy leaves the other working', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-copies-'));
    try {
      const home = path.join(tmp, 'home');
      const data = path.join(home, 'jupyter-data');
      fs.mkdirSync(home);
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, JUPYTER_DATA_DIR: data, PYTHONUNBUFFERED: '1' };
      delete env.JUPYTER_PATH; // only the user's folder: not this project's .jupyter
      const copies = { A: path.join(tmp, 'course-a'), B: path.join(tmp, 'course-b') };
      const notebook = makeNotebook([
        "import { whoami } from './exercises/whoami';\nconsole.log(whoami, process.cwd());",
        "import { VERSION } from './src';\nconsole.log(typeof VERSION);",
      ]);
      for (const [name, copy] of Object.entries(copies)) {
        copyCourse(copy);
        markCopy(copy, name);
        fs.writeFileSync(path.join(copy, 'notebooks', 'whoami.ipynb'), JSON.stringify(notebook));
        // As `npm install` in that copy would (CI set or not, this is the user's folder).
        execFileSync(process.execPath, [path.join(copy, 'kernel', 'install.js')], { env: { ...env, ANNLAB_USER_KERNEL: '1' }, stdio: 'pipe' });
      }
      const specs = JSON.parse(execFileSync(jupyterStatusPath(), ['kernelspec', 'list', '--json'], { env, encoding: 'utf8' }));
      expect(specs.kernelspecs.annlab.resource_dir).toBe(path.join(data, 'kernels', 'annlab'));

      const run = (dir: string, label: string) =>
        executeNotebook(path.join(dir, 'whoami.ipynb'), { env, outputDir: path.join(tmp, 'out'), outputName: label });
      const outputs = async (dir: string, label: string) => codeCells((await run(dir, label)).notebook).map(cellText);

      const [a, b] = await Promise.all([outputs(path.join(copies.A, 'notebooks'), 'a'), outputs(path.join(copies.B, 'notebooks'), 'b')]);
      expect(a).toEqual([`A ${copies.A}\n`, 'string\n']);
      expect(b).toEqual([`B ${copies.B}\n`, 'string\n']);

      fs.rmSync(copies.B, { recursive: true, force: true });
      const outside = path.join(tmp, 'outside');
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'whoami.ipynb'), JSON.stringify(notebook));
      const [again, lost] = await Promise.all([outputs(path.join(copies.A, 'notebooks'), 'a-again'), run(outside, 'outside')]);
      expect(again).toEqual([`A ${copies.A}\n`, 'string\n']);
      // Every cell of a notebook outside any copy gets the one sentence, as an error.
      const sentence = `annlab: this notebook's folder ${outside} is not inside an annlab project (a folder with package.json and kernel/launch.js), so open it from within a copy of the course.`;
      expect(notebookProblems(lost)).toEqual([
        expect.stringContaining(`error AnnlabKernelError: ${sentence}`),
        expect.stringContaining(`error AnnlabKernelError: ${sentence}`),
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 600_000); // four kernel starts: 2–4 min on a loaded 2-core machine
});

function jupyterStatusPath(): string {
  const status = jupyterStatus();
  if (!status.available) throw new Error(status.reason);
  return status.jupyter;
}
