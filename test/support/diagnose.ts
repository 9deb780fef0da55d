// Hints that fit what was received. A test lists the usual mistakes of a computation, each with
// the value that mistake would produce on the test's own inputs (computed here, from the oracle);
// when the student's value matches one of them, the hint names that mistake; when it matches
// several, the hint says so and names them all; when it matches none, the hint falls back to the
// formula, and never blames a mistake the value does not show.
import { CloseOptions, expectClose, isClose } from './compare';

type Value = number | number[] | number[][];

/** One usual mistake: what a student who made it would return, and what to tell them. */
export interface Mistake {
  /** the mistake, said to the student: 'the square is missing: (ŷ − y) instead of (ŷ − y)²' */
  hint: string;
  /** what that mistake returns on the test's inputs; or a test on the received value (e.g. "is NaN") */
  value: Value | ((received: unknown) => boolean);
}

/** Whether `received` has the shape of `want` and is close to it everywhere. */
export function closeEverywhere(received: unknown, want: Value, atol: number, rtol: number): boolean {
  if (typeof want === 'number') return isClose(received, want, atol, rtol);
  if (!Array.isArray(received) || received.length !== want.length) return false;
  return (want as Value[]).every((w, i) => closeEverywhere(received[i], w, atol, rtol));
}

/** The hint for `received`: the matching mistakes', else `otherwise`. Mistakes that give the right value on these inputs are ignored. */
export function diagnose(received: unknown, expected: Value, mistakes: Mistake[], otherwise: string, atol = 1e-6, rtol = 1e-6): string {
  const fits = mistakes.filter((m) => (typeof m.value === 'function'
    ? m.value(received)
    : !closeEverywhere(m.value, expected, atol, rtol) && closeEverywhere(received, m.value, atol, rtol)));
  if (fits.length === 1) return fits[0].hint;
  if (fits.length > 1) return `several mistakes give exactly this value: ${fits.map((m, i) => `(${i + 1}) ${m.hint.replace(/\.$/, '')}`).join('; ')}.`;
  return otherwise;
}

/** expectClose whose hint is chosen by diagnose(): the formula when no listed mistake fits what came. */
export function expectCloseDiagnosed(received: unknown, expected: Value, o: CloseOptions & { mistakes: Mistake[]; otherwise: string }): void {
  const atol = o.atol ?? 1e-6;
  const rtol = o.rtol ?? 1e-6;
  if (closeEverywhere(received, expected, atol, rtol)) return;
  expectClose(received, expected, { ...o, hint: diagnose(received, expected, o.mistakes, o.otherwise, atol, rtol) });
}

/** Every entry of a value times c (a missing factor shows as a constant ratio). */
export function times(v: Value, c: number): Value {
  if (typeof v === 'number') return v * c;
  return (v as (number | number[])[]).map((x) => times(x, c)) as Value;
}

/** Whether a received value holds a NaN or ±∞ anywhere (an overflow, 0·log 0, 0/0, …). */
export function hasNonFinite(received: unknown): boolean {
  if (typeof received === 'number') return !Number.isFinite(received);
  return Array.isArray(received) && received.some(hasNonFinite);
}
