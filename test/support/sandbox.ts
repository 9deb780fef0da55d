// Tests call student code ONLY through this sandbox (never `import` it): see
// src/grader/sandbox/sandbox.ts. ANNLAB_TARGET picks the folder (default solutions/).
export { exercise, StudentCodeError, closeAllSandboxes } from '../../src/grader/sandbox/sandbox';
export type { StudentModule, SandboxOptions, StudentErrorKind } from '../../src/grader/sandbox/sandbox';
import { closeAllSandboxes } from '../../src/grader/sandbox/sandbox';

// Each test file stops its children when it ends (jest reuses worker processes).
if (typeof afterAll === 'function') afterAll(() => closeAllSandboxes());
