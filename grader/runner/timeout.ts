// A test or hook run within its time limit, as jest runs it: it may return a promise or take a
// `done` callback; an error thrown where no one awaits it (a timer, a forgotten promise) fails the
// test that is running, and the message a failure leaves is jest's.
import { inspect } from 'util';

type Fn = (done?: (error?: unknown) => void) => unknown;
type Finish = (failure?: { error: unknown }) => void;

/** How the test or hook now running ends, for errors that reach no caller. */
let running: Finish | undefined;

/** Fails the test or hook now running with an error no one caught; false when none is running. */
export function failRunning(error: unknown): boolean {
  if (!running) return false;
  running({ error });
  return true;
}

/** Runs `fn`; rejects with its error, or when it takes longer than `ms`. */
export function withTimeout(fn: Fn, ms: number, what: 'test' | 'hook'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish: Finish = (failure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (running === finish) running = undefined;
      if (failure) reject(failure.error);
      else resolve();
    };
    // jest's words, thrown as jest throws them (a string, so its message reads `thrown: "…"`).
    const timer = setTimeout(
      () => finish({ error: `Exceeded timeout of ${ms} ms for a ${what}.\nAdd a timeout value to this ${what} to increase the timeout, if this is a long-running ${what}. See https://jestjs.io/docs/api#testname-fn-timeout.` }),
      ms,
    );
    running = finish;
    try {
      if (fn.length > 0) {
        const r = fn((error) => finish(error === undefined || error === null ? undefined : { error }));
        if (r !== undefined) finish({ error: new Error("Test functions cannot both take a 'done' callback and return something. Either use a 'done' callback, or return a promise.") });
        return;
      }
      const r = fn() as unknown;
      if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(() => finish(), (error) => finish({ error }));
      else finish();
    } catch (error) {
      finish({ error });
    }
  });
}

/** What a failure reads like in the results, as jest writes it: the error's stack (which starts
 *  with its name and message), or `Error: thrown: <value>` for a thrown value that is not an error. */
export function formatFailure(e: unknown): string {
  if (e instanceof Error) {
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const head = `${e.name}: ${e.message}`;
    if (stack.includes(e.message)) return stack;
    const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
    return [head, ...frames].join('\n');
  }
  return `Error: thrown: ${typeof e === 'string' ? JSON.stringify(e).replace(/\\n/g, '\n') : inspect(e, { depth: 3, breakLength: 100 })}`;
}
