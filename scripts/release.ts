// npm run release -- --out DIR : the student copy (no solutions, hidden tests or hidden ids), audited.
import * as path from 'path';
import { makeRelease } from '../src/grader/release';
import { projectRoot } from '../src/grader/supervise';

const i = process.argv.indexOf('--out');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: npm run release -- --out DIR');
  process.exit(2);
}
try {
  const out = path.resolve(process.argv[i + 1]);
  const r = makeRelease(projectRoot(), out);
  if (r.problems.length) {
    console.error(`release: ${out} LEAKS lecturer material:\n- ${r.problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`release: ${r.files} files in ${out}; audit passed (no hidden tests, solutions or hidden ids)`);
} catch (e) {
  console.error(`release: ${(e as Error).message}`);
  process.exit(2);
}
