// One test file as the grading runner sees it: the part of jest's API that tests use
// (describe, it/test with .skip, .only, .todo and .each, the four hooks, jest's own `expect`),
// collected when the file is loaded and then run one test at a time, in order, as jest does.
// The result has the shape of one entry of jest's --json testResults, so the report reads
// both alike.
import { formatFailure, withTimeout } from './timeout';
import { eachCases } from './each';

/** One test's result, as jest's --json writes it. */
export interface AssertionResult {
  title: string;
  /** the titles of the enclosing describe blocks and the test's, joined by spaces */
  fullName: string;
  status: 'passed' | 'failed' | 'pending' | 'todo';
  failureMessages: string[];
}

/** One test file's result, as jest's --json testResults entry. */
export interface FileResult {
  name: string;
  /** 'focused' when the file has .only tests (as jest says) and none failed */
  status: 'passed' | 'failed' | 'focused';
  /** why the file failed as a whole (it did not load, an afterAll hook failed), else '' */
  message: string;
  assertionResults: AssertionResult[];
}

type TestFn = (done?: (error?: unknown) => void) => unknown;
type Mode = 'run' | 'skip' | 'only' | 'todo';

interface Hook {
  fn: TestFn;
  timeoutMs?: number;
}

interface Test {
  title: string;
  fn?: TestFn;
  timeoutMs?: number;
  mode: Mode;
}

interface Block {
  title: string;
  mode: Mode;
  children: (Test | Block)[];
  beforeAll: Hook[];
  afterAll: Hook[];
  beforeEach: Hook[];
  afterEach: Hook[];
}

const isBlock = (node: Test | Block): node is Block => 'children' in node;

function newBlock(title: string, mode: Mode): Block {
  return { title, mode, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
}

/** The globals a test file sees, registering into `root` while the file loads. */
export function testGlobals(root: Block): Record<string, unknown> {
  let current = root;
  const describeAs = (mode: Mode) => (title: unknown, fn: () => void) => {
    const block = newBlock(String(title), mode);
    current.children.push(block);
    const parent = current;
    current = block;
    try {
      const r = fn() as unknown;
      if (r && typeof (r as Promise<unknown>).then === 'function') throw new Error(`describe('${block.title}') returned a promise: a describe block must register its tests synchronously (put the await inside it() or beforeAll())`);
    } finally {
      current = parent;
    }
  };
  const testAs = (mode: Mode) => (title: unknown, fn?: TestFn, timeoutMs?: number) => {
    if (mode !== 'todo' && typeof fn !== 'function') throw new Error(`test '${String(title)}' has no function: write it(name, fn) or it.todo(name)`);
    current.children.push({ title: String(title), fn, timeoutMs, mode });
  };
  const hook = (list: (b: Block) => Hook[]) => (fn: TestFn, timeoutMs?: number) => {
    list(current).push({ fn, timeoutMs });
  };
  const withEach = <F extends (title: unknown, fn: never, timeoutMs?: number) => void>(f: F) =>
    Object.assign(f, {
      each:
        (table: unknown) =>
        (title: unknown, fn: (...args: unknown[]) => unknown, timeoutMs?: number) => {
          for (const c of eachCases(table, String(title))) f(c.title, ((...rest: unknown[]) => fn(...c.args, ...rest)) as never, timeoutMs);
        },
    });
  const test = Object.assign(withEach(testAs('run')), { skip: withEach(testAs('skip')), only: withEach(testAs('only')), todo: testAs('todo') });
  const describe = Object.assign(withEach(describeAs('run')), { skip: withEach(describeAs('skip')), only: withEach(describeAs('only')) });
  return {
    describe,
    it: test,
    test,
    xit: test.skip,
    xtest: test.skip,
    fit: test.only,
    xdescribe: describe.skip,
    fdescribe: describe.only,
    beforeAll: hook((b) => b.beforeAll),
    afterAll: hook((b) => b.afterAll),
    beforeEach: hook((b) => b.beforeEach),
    afterEach: hook((b) => b.afterEach),
  };
}

/** A fresh root block for one file. */
export function fileRoot(): Block {
  return newBlock('', 'run');
}

/** Options of runCollected. */
export interface RunOptions {
  /** a test's or hook's time limit when it gives none (the project's jest testTimeout) */
  defaultTimeoutMs: number;
}

/** Runs the tests `root` collected; `loadError` is why the file did not load, if it did not. */
export async function runCollected(name: string, root: Block, o: RunOptions, loadError?: unknown): Promise<FileResult> {
  if (loadError !== undefined) return { name, status: 'failed', message: formatFailure(loadError), assertionResults: [] };
  const results: AssertionResult[] = [];
  const report = (titles: string[], t: Test, status: AssertionResult['status'], failureMessages: string[] = []) =>
    results.push({ title: t.title, fullName: [...titles, t.title].join(' '), status, failureMessages });
  const fileErrors: string[] = [];
  const hasOnly = containsOnly(root);
  const runs = (t: Test, chosen: boolean) => t.mode !== 'skip' && t.mode !== 'todo' && (!hasOnly || chosen || t.mode === 'only');
  const anyRuns = (b: Block, chosen: boolean): boolean =>
    b.mode !== 'skip' && b.children.some((c) => (isBlock(c) ? anyRuns(c, chosen || c.mode === 'only') : runs(c, chosen)));

  async function runBlock(block: Block, path: string[], ancestors: Block[], chosen: boolean): Promise<void> {
    const titles = block === root ? path : [...path, block.title];
    if (!anyRuns(block, chosen)) return skipAll(block, titles);
    let setupError: string | undefined;
    for (const h of block.beforeAll) {
      setupError = await runHook(h, o);
      if (setupError) break;
    }
    // beforeEach from the outermost block in; afterEach from the innermost out.
    const chain = [...ancestors, block];
    for (const child of block.children) {
      if (isBlock(child)) {
        if (setupError) failAll(child, titles, setupError);
        else await runBlock(child, titles, chain, chosen || child.mode === 'only');
        continue;
      }
      if (child.mode === 'todo') report(titles, child, 'todo');
      else if (!runs(child, chosen)) report(titles, child, 'pending');
      else if (setupError) report(titles, child, 'failed', [setupError]);
      else {
        const errors: string[] = [];
        for (const b of chain) for (const h of b.beforeEach) if (!errors.length) pushIf(errors, await runHook(h, o));
        if (!errors.length) pushIf(errors, await run(child.fn as TestFn, child.timeoutMs ?? o.defaultTimeoutMs, 'test'));
        for (const b of [...chain].reverse()) for (const h of b.afterEach) pushIf(errors, await runHook(h, o));
        report(titles, child, errors.length ? 'failed' : 'passed', errors);
      }
    }
    for (const h of block.afterAll) pushIf(fileErrors, await runHook(h, o));
  }

  function skipAll(block: Block, titles: string[]) {
    for (const c of block.children) {
      if (isBlock(c)) skipAll(c, [...titles, c.title]);
      else report(titles, c, c.mode === 'todo' ? 'todo' : 'pending');
    }
  }

  function failAll(block: Block, path: string[], error: string) {
    const titles = [...path, block.title];
    for (const c of block.children) {
      if (isBlock(c)) failAll(c, titles, error);
      else report(titles, c, 'failed', [error]);
    }
  }

  await runBlock(root, [], [], false);
  const failed = fileErrors.length > 0 || results.some((r) => r.status === 'failed');
  return { name, status: failed ? 'failed' : hasOnly ? 'focused' : 'passed', message: fileErrors.join('\n'), assertionResults: results };
}

function containsOnly(block: Block): boolean {
  return block.children.some((c) => c.mode === 'only' || (isBlock(c) && containsOnly(c)));
}

function pushIf(list: string[], item: string | undefined) {
  if (item) list.push(item);
}

function runHook(h: Hook, o: RunOptions): Promise<string | undefined> {
  return run(h.fn, h.timeoutMs ?? o.defaultTimeoutMs, 'hook');
}

/** Runs a test or hook within its time limit; resolves with its failure message, if it failed. */
async function run(fn: TestFn, timeoutMs: number, what: 'test' | 'hook'): Promise<string | undefined> {
  try {
    await withTimeout(fn, timeoutMs, what);
    return undefined;
  } catch (e) {
    return formatFailure(e);
  }
}
