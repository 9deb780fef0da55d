/**
 * Seeded pseudo-random numbers. Every function of annlab that draws random numbers takes a
 * `seed` or an `Rng`, so that the same seed gives the same result on every machine.
 */
import { OptionError, describeValue } from './errors';

/** A source of random numbers made by {@link seededRng}. */
export interface Rng {
  /** The seed this generator started from. */
  readonly seed: number;
  /** A uniform number in [lo, hi). @default lo = 0, hi = 1 */
  uniform(lo?: number, hi?: number): number;
  /** A normal (Gaussian) number. @default mean = 0, std = 1 */
  normal(mean?: number, std?: number): number;
  /** A uniform integer in [lo, hi) (hi excluded, like Python's `randrange`). */
  integer(lo: number, hi: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: any }>(items: T): T;
  /** A random permutation of 0 … n−1. */
  permutation(n: number): Int32Array;
  /** A new, independent generator derived from this one (for a sub-task that must not shift this stream). */
  fork(): Rng;
}

/** Turns a string seed into a 32-bit integer (FNV-1a), so that `seededRng('iris')` works too. */
function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new OptionError(`seededRng: expected a finite number or a string as seed, got ${describeValue(seed)}`);
    // Mix the integer and fractional parts so that 1 and 1.5 differ.
    return (Math.trunc(seed) ^ Math.round((seed % 1) * 0x7fffffff)) >>> 0;
  }
  if (typeof seed !== 'string') throw new OptionError(`seededRng: expected a number or a string as seed, got ${describeValue(seed)}`);
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A seeded generator (sfc32, a small fast counter generator that passes PractRand;
 * seeded through splitmix32 so that nearby seeds give unrelated streams).
 */
export function seededRng(seed: number | string = 0): Rng {
  const s0 = hashSeed(seed);
  let sm = s0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // warm up: the first outputs of sfc32 are weakly mixed
  // 53 random bits → a double in [0, 1)
  const random = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  let spare: number | null = null;

  const rng: Rng = {
    seed: s0,
    uniform(lo = 0, hi = 1) {
      return lo + (hi - lo) * random();
    },
    normal(mean = 0, std = 1) {
      // Box–Muller: two uniforms give two independent normals; keep the second for the next call.
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + std * z;
      }
      const u = random() || 2 ** -53; // log(0) would be −∞ (a zero comes once in 2^53 draws)
      const v = random();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    integer(lo, hi) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi <= lo) {
        throw new OptionError(`integer: expected integers lo < hi, got lo = ${lo}, hi = ${hi}`);
      }
      return lo + Math.floor(random() * (hi - lo));
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return rng.shuffle(p);
    },
    fork() {
      return seededRng(next32());
    },
  };
  return rng;
}

/** Accepts what a public function was given as `seed` or `rng` and returns an Rng. */
export function toRng(seedOrRng: number | string | Rng | undefined, fallbackSeed = 0, what = 'seed'): Rng {
  if (typeof fallbackSeed !== 'number' || !Number.isFinite(fallbackSeed)) throw new OptionError(`toRng: fallbackSeed: expected a finite number, got ${describeValue(fallbackSeed)}`);
  if (seedOrRng === undefined) return toRng(fallbackSeed, 0, `${what} (fallback)`);
  if ((typeof seedOrRng === 'number' && Number.isFinite(seedOrRng)) || typeof seedOrRng === 'string') return seededRng(seedOrRng);
  if (isRng(seedOrRng)) return seedOrRng;
  throw new OptionError(`${what}: expected a finite number, a string or an Rng (seededRng(…)), got ${describeValue(seedOrRng)}`);
}

/** True when `x` has the methods of an {@link Rng}. */
export function isRng(x: unknown): x is Rng {
  const r = x as Rng;
  return typeof x === 'object' && x !== null && ['uniform', 'normal', 'integer', 'shuffle', 'permutation'].every((m) => typeof (r as unknown as Record<string, unknown>)[m] === 'function');
}

/** The Rng of a function that takes `seed` or `rng` (an Rng wins), both checked. */
export function rngFrom(what: string, o: { seed?: unknown; rng?: unknown }, fallbackSeed = 0): Rng {
  // `o` is the caller's whole options object (its names are checked there): only seed and rng are read.
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new OptionError(`${what}: expected an options object { seed?, rng? }, got ${describeValue(o)}`);
  if (o.rng !== undefined) {
    if (!isRng(o.rng)) throw new OptionError(`${what}: rng: expected an Rng (seededRng(…)), got ${describeValue(o.rng)}`);
    if (o.seed !== undefined) toRng(o.seed as number, 0, `${what}: seed`);
    return o.rng;
  }
  return toRng(o.seed as number | string | undefined, fallbackSeed, `${what}: seed`);
}
