// Type errors of a submission, as the notebooks' TypeScript reports them. They come first in
// an exercise's feedback; whether they cost points is the lecturer's choice (the manifest's
// "typeErrors": "feedback" by default, or "zero": an exercise with type errors scores 0).

/** Type-checks the exercise files in `dir` (in a child process, bounded in time); resolves
 *  with exercise → "exercises/NAME.ts:L:C - message" lines. Never rejects: a check that cannot
 *  run resolves with `problem` set instead. */
export function typeErrors(projectRoot: string, dir: string, exercises: string[], timeoutMs = 60_000): Promise<{ errors: Record<string, string>; problem?: string }> {
  const path = require('path') as typeof import('path');
  const { execFile } = require('child_process') as typeof import('child_process');
  const worker = path.join(__dirname, 'type-check-worker.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--stack-size=4000', worker, JSON.stringify({ projectRoot, dir, exercises })],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, env: { PATH: process.env.PATH ?? '' } },
      (err, stdout) => {
        try {
          resolve({ errors: (JSON.parse(stdout) as { errors: Record<string, string> }).errors });
        } catch {
          resolve({ errors: {}, problem: `the type check did not finish${err ? ` (${err.killed ? `stopped after ${timeoutMs / 1000} s` : err.message.split('\n')[0]})` : ''}: type errors are not reported in this run` });
        }
      },
    );
  });
}
