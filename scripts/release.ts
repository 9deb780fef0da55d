// npm run release -- --out DIR [--no-typecheck] : the student copy (no solutions, hidden tests or
// hidden ids), audited, and checked as a project of its own (jest roots, scripts, `tsc`).
import * as path from 'path';
import { makeRelease, typecheckRelease } from '../grader/release';
import { projectRoot } from '../grader/supervise';

const i = process.argv.indexOf('--out');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: npm run release -- --out DIR [--no-typecheck]');
  process.exit(2);
}
try {
  const out = path.resolve(process.argv[i + 1]);
  const r = makeRelease(projectRoot(), out);
  if (r.problems.length) {
    console.error(`release: ${out} LEAKS lecturer material or is not coherent:\n- ${r.problems.join('\n- ')}`);
    process.exit(1);
  }
  const typeErrors = process.argv.includes('--no-typecheck') ? [] : typecheckRelease(out, projectRoot());
  if (typeErrors.length) {
    console.error(`release: the student copy in ${out} does not type-check:\n- ${typeErrors.slice(0, 20).join('\n- ')}`);
    process.exit(1);
  }
  console.log(`release: ${r.files} files in ${out}; audit passed (no hidden tests, solutions or hidden ids); ` +
    `npm test runs ${r.testRoots.join(', ')}; graded tests via npm run grade${process.argv.includes('--no-typecheck') ? '' : '; tsc clean'}`);
} catch (e) {
  console.error(`release: ${(e as Error).message}`);
  process.exit(2);
}
