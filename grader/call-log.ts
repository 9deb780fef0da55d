// Calls of student code that came close to their time limit, for the class report. The
// sandbox (in the trusted test process) appends one JSON line per such call to the file that
// ANNLAB_CALL_LOG names; the supervisor sets it to a file in its private folder and reads it back.

/** A call that used at least NEAR_LIMIT of its time limit (or ran out of it). */
export interface SlowCall {
  exercise: string;
  fn: string;
  /** wall-clock time of the call, ms */
  ms: number;
  /** the call's time limit, ms */
  limitMs: number;
  /** the call was stopped at its limit */
  timedOut: boolean;
}

/** Share of the time limit from which a call counts as close to it. */
export const NEAR_LIMIT = 0.5;

/** Appends a call to the log when it came close to its limit; a no-op without ANNLAB_CALL_LOG. Never throws. */
export function recordCall(exercise: string, fn: string, ms: number, limitMs: number, timedOut: boolean): void {
  const file = process.env.ANNLAB_CALL_LOG;
  if (!file || !(timedOut || ms >= NEAR_LIMIT * limitMs)) return;
  try {
    const fs = require('fs') as typeof import('fs');
    const line: SlowCall = { exercise, fn: String(fn).slice(0, 100), ms: Math.round(ms), limitMs, timedOut };
    fs.appendFileSync(file, JSON.stringify(line) + '\n', { mode: 0o600 });
  } catch {
    /* the log is a convenience: grading goes on without it */
  }
}

/** The calls in a log file (none when it is missing); malformed lines are skipped. */
export function readCallLog(file: string): SlowCall[] {
  const fs = require('fs') as typeof import('fs');
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: SlowCall[] = [];
  for (const line of text.split('\n')) {
    try {
      const c = JSON.parse(line) as SlowCall;
      if (typeof c.exercise === 'string' && typeof c.fn === 'string' && Number.isFinite(c.ms) && Number.isFinite(c.limitMs)) {
        out.push({ exercise: c.exercise, fn: c.fn, ms: c.ms, limitMs: c.limitMs, timedOut: c.timedOut === true });
      }
    } catch {
      /* an empty or cut line */
    }
  }
  return out;
}
