import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compiledTestsDirectory } from '../../grader/supervise';

// The compiled tests (hidden ones included) are the grader's user's alone. On a shared machine
// (a class on JupyterHub) every student runs check(): a folder shared by all would lock out
// every student but the first, so where the project's own cache is not this user's, each user
// gets a folder of their own.
describe("the grader's folder of compiled tests", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-cache-test-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is the project's node_modules/.cache/annlab-tests, mode 700", () => {
    const dir = compiledTestsDirectory(root, 1000);
    expect(dir).toBe(path.join(root, 'node_modules', '.cache', 'annlab-tests'));
    if (process.platform !== 'win32') expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('is one per Unix user in the temporary folder where the project cache cannot be had', () => {
    const blocked = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-cache-blocked-'));
    fs.mkdirSync(path.join(blocked, 'node_modules', '.cache'), { recursive: true });
    fs.writeFileSync(path.join(blocked, 'node_modules', '.cache', 'annlab-tests'), 'a file where the folder would go');
    try {
      expect(compiledTestsDirectory(blocked, 1000)).toBe(path.join(os.tmpdir(), 'annlab-tests-cache-1000'));
      expect(compiledTestsDirectory(blocked, 1001)).not.toBe(compiledTestsDirectory(blocked, 1000));
      expect(compiledTestsDirectory(blocked, null)).toBe(path.join(os.tmpdir(), 'annlab-tests-cache'));
    } finally {
      fs.rmSync(blocked, { recursive: true, force: true });
      for (const n of ['annlab-tests-cache-1000', 'annlab-tests-cache-1001', 'annlab-tests-cache']) fs.rmSync(path.join(os.tmpdir(), n), { recursive: true, force: true });
    }
  });
});
