// Type errors of a submission, as the notebooks' TypeScript reports them. They come first in
// an exercise's feedback; whether they cost points is the lecturer's choice (the manifest's
// "typeErrors": "feedback" by default, or "zero": an exercise with type errors scores 0).
import type { ChildProcess } from 'child_process';

/** Type errors by exercise, or why the check could not run. */
export interface TypeCheck {
  /** exercise → "exercises/NAME.ts:L:C - message" lines */
  errors: Record<string, string>;
  problem?: string;
}

/**
 * The type checker of a grading run (grader/type-check-worker.js in a child process): one
 * submission at a time, each within a time limit. A batch keeps it for every submission, so
 * TypeScript is loaded and the course's own declarations parsed once; a check that runs out of
 * time takes the process down with it, and the next check starts another.
 */
export class TypeChecker {
  private child: ChildProcess | undefined;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly projectRoot: string,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Type-checks the exercise files in `dir` within `timeoutMs`; never rejects. */
  check(dir: string, exercises: string[], timeoutMs = this.timeoutMs): Promise<TypeCheck> {
    const run = this.last.then(() => this.checkNow(dir, exercises, timeoutMs));
    this.last = run;
    return run;
  }

  /** Ends the child process (a later check starts another). */
  close(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private checkNow(dir: string, exercises: string[], timeoutMs: number): Promise<TypeCheck> {
    const path = require('path') as typeof import('path');
    const { fork } = require('child_process') as typeof import('child_process');
    if (!this.child) {
      this.child = fork(path.join(__dirname, 'type-check-worker.js'), [], {
        execArgv: ['--stack-size=4000'],
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      this.child.on('error', () => undefined); // 'exit' follows
    }
    const child = this.child;
    return new Promise<TypeCheck>((resolve) => {
      const done = (r: TypeCheck) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(r);
      };
      const fail = (why: string) => {
        if (this.child === child) this.close();
        done({ errors: {}, problem: `the type check did not finish (${why}): type errors are not reported in this run` });
      };
      const timer = setTimeout(() => fail(`stopped after ${timeoutMs / 1000} s`), timeoutMs);
      const onMessage = (m: unknown) => done({ errors: (m as TypeCheck).errors ?? {} });
      const onExit = (code: number | null, signal: string | null) => {
        if (this.child === child) this.child = undefined;
        fail(signal ? `signal ${signal}` : `exit code ${code}`);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ projectRoot: this.projectRoot, dir, exercises });
    });
  }
}

/** Type-checks the exercise files in `dir` in a process of its own; never rejects. */
export async function typeErrors(projectRoot: string, dir: string, exercises: string[], timeoutMs = 60_000): Promise<TypeCheck> {
  const checker = new TypeChecker(projectRoot, timeoutMs);
  try {
    return await checker.check(dir, exercises);
  } finally {
    checker.close();
  }
}
