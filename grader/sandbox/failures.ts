// What a student reads when the child reports an error or ends: the child sends plain data
// ({ kind, name, message, stack }); these turn it into sentences that name the file and function.
import type { StudentErrorKind } from './types';

/** An error as the child sends it. */
export interface ChildError {
  kind: StudentErrorKind;
  name: string;
  message: string;
  stack: string;
}

/** Why the file `where` did not load. */
export function loadFailure(where: string, err: ChildError): { kind: StudentErrorKind; text: string } {
  if (err.kind === 'compile') return { kind: 'compile', text: `${where} does not compile:\n${err.message}` };
  if (err.kind === 'crash') return { kind: 'crash', text: `loading ${where} failed: ${err.message}` };
  if (err.kind === 'memory') return { kind: 'memory', text: `loading ${where} ran out of memory: ${err.message}` };
  return { kind: err.kind === 'not-implemented' ? 'not-implemented' : 'threw', text: `loading ${where} threw ${err.name}: ${err.message}${err.stack ? '\n' + err.stack : ''}` };
}

/** Why the child ended while doing `what` ('f()' or 'loading exercises/x.ts'), from the end of its stderr. */
export function exitFailure(what: string, code: number | null, signal: NodeJS.Signals | null, stderrTail: string, heapMb: number): { kind: StudentErrorKind; text: string } {
  if (/heap out of memory|Allocation failed|out of memory|Cannot allocate memory/i.test(stderrTail)) {
    return { kind: 'memory', text: `${what} ran out of memory (the sandbox allows a ${heapMb} MB heap): do you build a huge array?` };
  }
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  const last = stderrTail.trim().split('\n').slice(-3).join('\n');
  return { kind: 'crash', text: `${what} ended the sandbox process (${how})${last ? ': ' + last : ''}` };
}

/** What a call of `fn` in the file `where` did wrong. */
export function callFailureText(where: string, fn: string, e: ChildError): string {
  switch (e.kind) {
    case 'not-implemented':
      return e.message;
    case 'missing-export':
      return `${where} has ${e.message}`;
    case 'memory':
      return `${fn}() ran out of memory: ${e.message}`;
    case 'crash':
      return `${fn}(): ${e.message}`;
    default:
      return `${fn}() threw ${e.name}: ${e.message}${e.stack ? '\n' + e.stack : ''}`;
  }
}
