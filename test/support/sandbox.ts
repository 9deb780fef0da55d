// Tests call student code ONLY through this sandbox (never `import` it): see
// grader/sandbox/sandbox.ts. ANNLAB_TARGET picks the folder (default solutions/).
export { exercise, StudentCodeError, closeAllSandboxes } from '../../grader/sandbox/sandbox';
export type { StudentModule, SandboxOptions, StudentErrorKind, CallOptions, CallWithArgs } from '../../grader/sandbox/sandbox';
import { closeAllSandboxes, exercise as openExercise } from '../../grader/sandbox/sandbox';
import type { SandboxOptions, StudentModule } from '../../grader/sandbox/sandbox';

/** How long a test file waits for its sandbox child to start and load the exercise file:
 *  a fraction of a second on an idle machine, many seconds on a loaded one (the start is
 *  allowed 20 s and the load 5 s of CPU-available time, each up to 3× in wall time). */
export const START_TIMEOUT_MS = 120_000;

/**
 * Opens an exercise like `exercise(name, options)` and starts its sandbox child in a
 * `beforeAll` of the calling test file, so that the child's start and the file's loading are
 * not charged to the first test's jest timeout. A file that fails to load is not an error
 * here: every call then rejects with that failure (a compile error, an endless loop at the
 * top level, ...), test by test.
 */
export function startedExercise(name: string, options: SandboxOptions = {}): StudentModule {
  const ex = openExercise(name, options);
  beforeAll(() => ex.exports().then(() => undefined, () => undefined), START_TIMEOUT_MS);
  return ex;
}

// Each test file stops its children when it ends (jest reuses worker processes).
if (typeof afterAll === 'function') afterAll(() => closeAllSandboxes());
