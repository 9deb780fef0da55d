// What of a submission the grader takes: regular exercise files only, copied into its own
// work folder. Links (to a file or a folder, `exercises/` itself included) are refused.
import { EXERCISE_FILE, MAX_EXERCISE_BYTES } from './sandbox/student-files';

/**
 * Copies the regular `NAME.ts` files (≤ 1 MB) of `<submission>/exercises/` (or of
 * `<submission>/` when it has no exercises folder) into `dest`; files it lacks come from the
 * starter folder (they grade as "not implemented"). Returns notes for the report.
 */
export function copySubmission(submission: string, starter: string, dest: string): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const notes: string[] = [];
  fs.mkdirSync(dest, { recursive: true, mode: 0o755 });
  const src = submissionFolder(submission, notes);
  let names: string[] = [];
  if (src) {
    try {
      names = fs.readdirSync(src);
    } catch {
      notes.push(`the submission folder ${path.basename(submission)} cannot be read`);
    }
  }
  for (const name of names.sort()) {
    if (!EXERCISE_FILE.test(name)) continue;
    const file = path.join(src as string, name);
    const st = fs.lstatSync(file);
    if (!st.isFile()) {
      notes.push(`${name} is not a regular file${st.isSymbolicLink() ? ' (a link)' : ''}: ignored`);
      continue;
    }
    if (st.size > MAX_EXERCISE_BYTES) {
      notes.push(`${name} is larger than 1 MB: ignored`);
      continue;
    }
    fs.writeFileSync(path.join(dest, name), fs.readFileSync(file), { mode: 0o644 });
  }
  try {
    for (const name of fs.readdirSync(starter)) {
      if (EXERCISE_FILE.test(name) && !fs.existsSync(path.join(dest, name))) {
        fs.copyFileSync(path.join(starter, name), path.join(dest, name));
        fs.chmodSync(path.join(dest, name), 0o644);
      }
    }
  } catch {
    /* no starter folder (a bundle without it): nothing to fill in */
  }
  return notes;
}

/** The folder that holds the exercise files, or undefined (with a note) when it is a link. */
function submissionFolder(submission: string, notes: string[]): string | undefined {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const inner = path.join(submission, 'exercises');
  for (const dir of [submission, inner]) {
    let st: import('fs').Stats;
    try {
      st = fs.lstatSync(dir);
    } catch {
      if (dir === submission) notes.push(`the submission folder ${path.basename(submission)} does not exist`);
      if (dir === submission) return undefined;
      return submission;
    }
    if (st.isSymbolicLink()) {
      notes.push(`${dir === inner ? 'exercises/' : 'the submission folder'} is a link, not a folder: nothing in it was graded`);
      return undefined;
    }
    if (dir === inner && st.isDirectory()) return inner;
  }
  return submission;
}
