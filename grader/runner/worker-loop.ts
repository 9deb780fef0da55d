// The loop of a grading runner process: each message names a test file; the file is loaded with
// the test globals in place, its tests run, and its result goes back. The sandbox children it
// started are stopped, or kept for the next file of its group (the same exercise's hidden
// tests). The parent's going away (even by kill -9) ends the process.
import { closeAllSandboxes, shareChildren } from '../sandbox/sandbox';
import { dropKept } from '../sandbox/child-pool';
import { FileResult, fileRoot, runCollected, testGlobals } from './suite';
import { failRunning, formatFailure } from './timeout';

/** What the runner sends: a test file to run. */
export interface RunMessage {
  file: string;
  /** no later file of its group follows: nothing is kept for one */
  lastOfGroup: boolean;
  defaultTimeoutMs: number;
}

/** What a worker answers: the file's result. */
export interface ResultMessage {
  result: FileResult;
}

/** Errors thrown while no test or hook ran (late timers of a finished test): the file's message. */
const strays: string[] = [];

/** Loads and runs one test file. */
export async function runFile(file: string, defaultTimeoutMs: number): Promise<FileResult> {
  const root = fileRoot();
  Object.assign(globalThis, testGlobals(root));
  let loadError: unknown;
  try {
    require(file);
  } catch (e) {
    loadError = e === undefined ? new Error(`${file} threw undefined while loading`) : e;
  }
  const result = await runCollected(file, root, { defaultTimeoutMs }, loadError);
  closeAllSandboxes();
  if (strays.length) {
    result.message = [result.message, ...strays.splice(0)].filter(Boolean).join('\n');
    result.status = 'failed';
  }
  return result;
}

/** jest's `expect`, loaded on first use (the course's tests use their own checks). */
function installExpect(): void {
  const root = process.env.ANNLAB_TEST_ROOT ?? process.cwd();
  Object.defineProperty(globalThis, 'expect', {
    configurable: true,
    get: () => (require(require.resolve('expect', { paths: [root] })) as { expect: unknown }).expect,
  });
  Object.defineProperty(globalThis, 'jest', {
    configurable: true,
    get: () => {
      throw new Error('the grading runner has no `jest` object (mocks, fake timers): tests call student code through the sandbox; use describe, it/test, the hooks and expect');
    },
  });
}

/** Serves the parent until it disconnects. */
export function serve(): void {
  installExpect();
  const stray = (e: unknown) => {
    if (!failRunning(e)) strays.push(formatFailure(e));
  };
  process.on('uncaughtException', stray);
  process.on('unhandledRejection', stray);
  shareChildren(true);
  process.on('disconnect', () => {
    closeAllSandboxes();
    dropKept();
    process.exit(0);
  });
  process.on('message', (m: RunMessage) => {
    void runFile(m.file, m.defaultTimeoutMs).then((result) => {
      if (m.lastOfGroup) dropKept();
      process.send?.({ result } satisfies ResultMessage);
    });
  });
}
