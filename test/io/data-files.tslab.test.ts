/**
 * The loaders must also work inside a notebook: tslab compiles src/io/data-files.ts from the
 * kernel's working directory (the project root) and runs it with its own module loader.
 * This runs a cell through tslab's own converter and executor in a child process.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

const runner = `
const { createConverter } = require('tslab/dist/converter');
const { createExecutor } = require('tslab/dist/executor');
let node;
const convs = { get node() { return node || (node = createConverter({ isJS: false, isBrowser: false })); }, get browser() { return this.node; }, close() { if (node) node.close(); } };
const out = [];
const executor = createExecutor(process.cwd(), convs, { log: (...a) => out.push(a.join(' ')), error: (...a) => out.push('ERROR ' + a.join(' ')) });
(async () => {
  const ok = await executor.execute(process.argv[1]);
  executor.close();
  process.stdout.write(JSON.stringify({ ok, out }));
})();
`;

describe('loaders compiled by tslab from a notebook', () => {
  it('find data/ when the kernel runs from the project root, and still after the cell changes directory', () => {
    const cell = [
      "import { loadIris, loadDigits, loadDiabetes, dataFilePath } from './src/io/data-files';",
      // Move away from the project root: the files must now be found from the module's own folder.
      "process.chdir(require('os').tmpdir());",
      // The last expression of a cell is what tslab prints.
      '[dataFilePath("iris.csv"), loadIris().X.length, loadDigits().X.length, loadDiabetes().X.length].join(",")',
    ].join('\n');
    const stdout = execFileSync(process.execPath, ['-e', runner, cell], { cwd: root, encoding: 'utf8', timeout: 60000 });
    const result = JSON.parse(stdout) as { ok: boolean; out: string[] };
    expect(result.out).toEqual([`${path.join(root, 'data', 'iris.csv')},150,1797,442`]);
    expect(result.ok).toBe(true);
  });
});
