import * as os from 'os';
import * as path from 'path';
import { jestCacheDirectory } from '../../grader/supervise';

// On a shared machine (a class on JupyterHub) every student runs check(): the jest cache the
// grader uses must be each user's own, or the first student's folder locks out the others.
describe("the grader's jest cache folder", () => {
  it('is one per Unix user, in the temporary folder', () => {
    expect(jestCacheDirectory(1000)).toBe(path.join(os.tmpdir(), 'annlab-jest-cache-1000'));
    expect(jestCacheDirectory(1001)).not.toBe(jestCacheDirectory(1000));
  });

  it('is a single folder where there are no Unix users (Windows)', () => {
    expect(jestCacheDirectory(null)).toBe(path.join(os.tmpdir(), 'annlab-jest-cache'));
  });
});
