// npm run autograder -- --gradescope --out FILE.zip | --github [--out .github/workflows/classroom.yml]
import * as fs from 'fs';
import * as path from 'path';
import { autograderEntries } from '../grader/release';
import { classroomWorkflow } from '../grader/classroom';
import { loadManifest } from '../grader/manifest';
import { projectRoot } from '../grader/supervise';
import { writeAtomic } from '../grader/writers';
import { zipBytes } from '../grader/zip';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
if (args.includes('--gradescope')) {
  const file = path.resolve(out ?? 'build/autograder.zip');
  const entries = autograderEntries(projectRoot());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zipBytes(entries));
  console.log(`autograder: ${entries.length} files → ${file} (upload it as the Gradescope autograder; hidden tests included)`);
} else if (args.includes('--github')) {
  const file = path.resolve(out ?? '.github/workflows/classroom.yml');
  writeAtomic(file, classroomWorkflow(loadManifest(path.join(projectRoot(), 'grading', 'manifest.json'))));
  console.log(`autograder: GitHub Classroom workflow → ${file} (one graded step per exercise; commit it to the assignment's template repository)`);
} else {
  console.error('usage: npm run autograder -- --gradescope --out FILE.zip | --github [--out FILE.yml]');
  process.exit(2);
}
