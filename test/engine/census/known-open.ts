/**
 * Slots of the census still open (entry · slot): some bad value there is not yet refused with a
 * named error. Fix one and remove it here (the census insists: a listed slot that no longer
 * breaks fails it, and so does a broken slot that is not listed). Written by write-open.js.
 */
export const KNOWN_OPEN: string[] = [
];

/** Huge cases (huge.test.ts) still open, by id: the same rule, in child processes. */
export const KNOWN_OPEN_HUGE: string[] = [
];

