/**
 * The census's vocabulary: what kind of value goes into each argument or option slot, and the
 * bad values of each kind that every public function must refuse with a named error.
 * Generated bad values (fast-check) come beside fixed corner cases.
 */
import fc from 'fast-check';

/** What a slot holds. */
export type Kind =
  | 'matrix' // data X: Matrix, number[][] or number[] (a column)
  | 'vector' // a list of finite numbers
  | 'labels' // class indices 0, 1, 2, …
  | 'size' // a positive integer count (epochs, n, units, classes)
  | 'count0' // an integer ≥ 0 (an index)
  | 'positive' // a finite number > 0
  | 'number' // any finite number
  | 'fraction' // a number strictly between 0 and 1
  | 'choice' // one of a fixed set of names
  | 'boolean'
  | 'function'
  | 'seed' // a number, a string or an Rng
  | 'text' // a string (titles, names)
  | 'object' // a structured argument (a model, a dataset, a spec)
  | 'options' // an options object: unknown keys refused
  | 'any'; // anything is fine (describeValue, isMatrix, …): no bad values

/** One bad value for a slot: its label in reports, and whether it must run in a child process. */
export interface Bad {
  label: string;
  make: () => unknown;
  /** Sizes that would allocate or loop without end if accepted: run in a child with limits. */
  huge?: boolean;
}

const b = (label: string, make: () => unknown, huge = false): Bad => ({ label, make, huge });

const notANumber: Bad[] = [b("'2' (a string)", () => '2'), b('NaN', () => NaN), b('Infinity', () => Infinity), b('-Infinity', () => -Infinity), b('{}', () => ({})), b('[]', () => []), b('true', () => true)];

const badMatrices: Bad[] = [
  b("'1,2' (a string)", () => '1,2'),
  b('42', () => 42),
  b('{}', () => ({})),
  b('[] (empty)', () => []),
  b('[[]] (no columns)', () => [[]]),
  b('ragged [[1,2],[3]]', () => [[1, 2], [3]]),
  b('[[1,NaN]]', () => [[1, NaN], [0, 1]]),
  b('[[Infinity,2]]', () => [[Infinity, 2], [0, 1]]),
  b("[['1',2]] (a string entry)", () => [['1', 2], [0, 1]]),
  b('[[1,2],null] (a null row)', () => [[1, 2], null]),
  b('[[1,2],[null,3]] (a null entry)', () => [[1, 2], [null, 3]]),
];

const badVectors: Bad[] = [
  b("'1,2' (a string)", () => '1,2'),
  b('42', () => 42),
  b('{}', () => ({})),
  b('[] (empty)', () => []),
  b('[NaN]', () => [NaN, 0, 1, 1]),
  b('[Infinity]', () => [Infinity, 0, 1, 1]),
  b("['1'] (a string entry)", () => ['1', 0, 1, 1]),
  b('[null] (a null entry)', () => [null, 0, 1, 1]),
];

/** The fixed bad values of each kind (null and undefined are added by the census per slot). */
export const BAD: Record<Kind, Bad[]> = {
  matrix: badMatrices,
  vector: badVectors,
  labels: [...badVectors, b('[0.5] (a float label)', () => [0.5, 0, 1, 1]), b('[-1] (a negative label)', () => [-1, 0, 1, 1]), b('[1e9] (a huge label)', () => [1e9, 0, 1, 1], true)],
  size: [...notANumber, b('0', () => 0), b('-1', () => -1), b('1.5', () => 1.5), b('8.6e169', () => 8.6e169, true)],
  count0: [...notANumber, b('-1', () => -1), b('1.5', () => 1.5), b('8.6e169', () => 8.6e169, true)],
  positive: [...notANumber, b('0', () => 0), b('-1', () => -1)],
  number: notANumber.filter((x) => x.label !== '[]'),
  fraction: [...notANumber, b('0', () => 0), b('1', () => 1), b('-0.5', () => -0.5), b('1.5', () => 1.5)],
  choice: [b("'nope'", () => 'nope'), b('3', () => 3), b('{}', () => ({})), b("''", () => '')],
  boolean: [b("'yes'", () => 'yes'), b('1', () => 1), b('{}', () => ({}))],
  function: [b("'f' (a string)", () => 'f'), b('3', () => 3), b('{}', () => ({}))],
  seed: [b('NaN', () => NaN), b('Infinity', () => Infinity), b('{}', () => ({})), b('[]', () => []), b('true', () => true)],
  text: [b('42', () => 42), b('{}', () => ({})), b('[]', () => [])],
  object: [b("'x' (a string)", () => 'x'), b('42', () => 42), b('{}', () => ({})), b('[]', () => [])],
  options: [b("'x' (a string)", () => 'x'), b('5', () => 5), b('[]', () => [])],
  any: [],
};

/** Generated bad values of a kind: the corner cases above only show where a rule breaks; these roam. */
export function generated(kind: Kind): fc.Arbitrary<Bad> | undefined {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const poison = fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, '1', {}, []);
  switch (kind) {
    case 'matrix':
      // A valid-looking 2-column matrix with one poisoned entry, or one row of the wrong length.
      return fc
        .record({ rows: fc.integer({ min: 2, max: 6 }), at: fc.nat(11), poison, ragged: fc.boolean(), fill: finite })
        .map(({ rows, at, poison, ragged, fill }) => {
          const i = at % rows;
          return b(ragged ? `ragged at row ${i}` : `${String(poison)} at row ${i}`, () =>
            Array.from({ length: rows }, (_, r) => (r === i ? (ragged ? [fill] : [fill, poison]) : [fill, r])),
          );
        });
    case 'vector':
    case 'labels':
      return fc.record({ length: fc.integer({ min: 2, max: 8 }), at: fc.nat(15), poison }).map(({ length, at, poison }) =>
        b(`${String(poison)} at ${at % length}`, () => Array.from({ length }, (_, k) => (k === at % length ? poison : k % 2))),
      );
    case 'size':
      return fc
        .oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x) || x < 1), fc.integer({ min: -1000, max: 0 }))
        .map((x) => b(String(x), () => x));
    case 'positive':
      return fc.double({ min: -1e6, max: 0, noNaN: true }).map((x) => b(String(x), () => x));
    case 'fraction':
      return fc.oneof(fc.double({ min: -1e6, max: 0, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true })).map((x) => b(String(x), () => x));
    default:
      return undefined;
  }
}

/** A misspelling of a known option name (case, `_`, a dropped or doubled letter), generated. */
export function misspelling(key: string): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constant(key.toLowerCase()),
      fc.constant(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
      fc.nat(key.length - 1).map((i) => key.slice(0, i) + key.slice(i + 1)),
      fc.nat(key.length - 1).map((i) => key.slice(0, i + 1) + key[i] + key.slice(i + 1)),
    )
    .filter((k) => k !== key && k.length > 0);
}
