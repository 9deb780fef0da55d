// What the class report needs beyond the scores: which exercise files a student handed in and
// which calls came close to their time limit (type errors come from the supervisor's type
// check, grader/type-check.ts). Added to a GradeReport's exercises.
import type { GradeReport } from './report';
import { readCallLog } from './call-log';

import { EXERCISE_FILE } from './sandbox/student-files';

/** Exercises whose `<name>.ts` the submission holds as a regular file (in `exercises/` or at its top). */
export function handedIn(submission: string, exercises: string[]): Set<string> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const dir = fs.existsSync(path.join(submission, 'exercises')) ? path.join(submission, 'exercises') : submission;
  const out = new Set<string>();
  for (const name of exercises) {
    try {
      if (EXERCISE_FILE.test(`${name}.ts`) && fs.lstatSync(path.join(dir, `${name}.ts`)).isFile()) out.add(name);
    } catch {
      /* not there */
    }
  }
  return out;
}

/** Where the grader gathers these facts. */
export interface FactSources {
  /** the student's folder as handed in */
  submission: string;
  /** the sandbox's log of slow calls (ANNLAB_CALL_LOG) */
  callLog: string;
}

/** Adds handedIn and slowCalls to each exercise of the report (in place). Never throws. */
export function addSubmissionFacts(report: GradeReport, s: FactSources): void {
  const names = report.exercises.map((e) => e.name);
  let given = new Set<string>();
  try {
    given = handedIn(s.submission, names);
  } catch {
    /* an unreadable folder: nothing handed in */
  }
  const calls = readCallLog(s.callLog);
  for (const e of report.exercises) {
    e.handedIn = given.has(e.name);
    const slow = calls.filter((c) => c.exercise === e.name);
    if (slow.length) e.slowCalls = slow.sort((a, b) => b.ms / b.limitMs - a.ms / a.limitMs).slice(0, 10);
  }
}
