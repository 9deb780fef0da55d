/**
 * Two-dimensional classification data in the style of the TensorFlow Playground
 * (tensorflow/playground, src/dataset.ts): points roughly in [−6, 6]², labels 0/1,
 * half of the samples in each class (they alternate: class 0, class 1, class 0, …).
 * `noise` runs from 0 to 0.5 like the Playground's slider; every generator is seeded.
 */
import { checkChoice, checkNumberIn } from '../errors';
import { Rng, toRng } from '../rng';
import { Dataset } from './dataset';
import { checkCount } from './options';
import { checkOptions, optionKeys } from '../options';
import { rngFrom } from '../rng';

/** The Playground data sets. */
export type PlaygroundName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons';

/** The allowed names, for run-time checks and menus. */
export const playgroundNames: readonly PlaygroundName[] = ['circle', 'xor', 'gauss', 'spiral', 'moons'];

/** Options of the Playground generators. */
export interface PlaygroundOptions {
  /** Number of samples (at least 2). @default 200 */
  n?: number;
  /** Noise from 0 (clean) to 0.5 (classes overlap heavily). @default 0 */
  noise?: number;
  /** Seed of the random numbers. @default 0 */
  seed?: number | string;
  /** A generator to draw from instead of `seed`. */
  rng?: Rng;
}

/** Makes one point (x1, x2) of class `label`; k counts the points of that class so far, of `count`. */
type PointMaker = (label: 0 | 1, k: number, count: number, noise: number, rng: Rng) => [number, number];

/** The option names of the generators, listed once. */
const PLAYGROUND_KEYS = optionKeys<PlaygroundOptions>()('n', 'noise', 'seed', 'rng');

function generate(what: string, options: PlaygroundOptions, makePoint: PointMaker): Dataset {
  const o = checkOptions(`${what}: options`, options, PLAYGROUND_KEYS);
  const n = checkCount(`${what}: n`, o.n ?? 200, 2);
  const noise = checkNumberIn(`${what}: noise`, o.noise ?? 0, 0, 0.5);
  const rng = rngFrom(what, o);
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)];
  const seen = [0, 0];
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = (i % 2) as 0 | 1;
    X.push(makePoint(label, seen[label]++, counts[label], noise, rng));
    y.push(label);
  }
  return { X, y, featureNames: ['x1', 'x2'], targetName: 'label', classNames: ['0', '1'] };
}

/** Class 1 inside a disc of radius 2.5, class 0 in a ring from 3.5 to 5; noise shifts each coordinate by up to ±5·noise. */
export function circleData(options: PlaygroundOptions = {}): Dataset {
  const R = 5;
  return generate('circleData', options, (label, _k, _c, noise, rng) => {
    const r = label === 1 ? rng.uniform(0, 0.5 * R) : rng.uniform(0.7 * R, R);
    const angle = rng.uniform(0, 2 * Math.PI);
    return [r * Math.sin(angle) + rng.uniform(-R, R) * noise, r * Math.cos(angle) + rng.uniform(-R, R) * noise];
  });
}

/**
 * The four quadrants: class 1 where x1 and x2 have the same sign, class 0 where they differ.
 * Points keep 0.3 away from the axes; noise shifts each coordinate by up to ±5·noise.
 */
export function xorData(options: PlaygroundOptions = {}): Dataset {
  const padding = 0.3;
  return generate('xorData', options, (label, _k, _c, noise, rng) => {
    const s1 = rng.uniform() < 0.5 ? -1 : 1;
    const s2 = label === 1 ? s1 : -s1;
    const x1 = s1 * (rng.uniform(0, 5) + padding);
    const x2 = s2 * (rng.uniform(0, 5) + padding);
    return [x1 + rng.uniform(-5, 5) * noise, x2 + rng.uniform(-5, 5) * noise];
  });
}

/** Two Gaussian clouds, class 1 around (2, 2), class 0 around (−2, −2); the variance grows from 0.5 (noise 0) to 4 (noise 0.5). */
export function gaussData(options: PlaygroundOptions = {}): Dataset {
  return generate('gaussData', options, (label, _k, _c, noise, rng) => {
    const variance = 0.5 + (noise / 0.5) * 3.5;
    const std = Math.sqrt(variance);
    const c = label === 1 ? 2 : -2;
    return [rng.normal(c, std), rng.normal(c, std)];
  });
}

/** Two interleaved spirals (1.75 turns, radius up to 5), class 0 turned by π; noise shifts each coordinate by up to ±noise. */
export function spiralData(options: PlaygroundOptions = {}): Dataset {
  return generate('spiralData', options, (label, k, count, noise, rng) => {
    const r = (k / count) * 5;
    const t = 1.75 * (k / count) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    return [r * Math.sin(t) + rng.uniform(-1, 1) * noise, r * Math.cos(t) + rng.uniform(-1, 1) * noise];
  });
}

/**
 * Two interleaving half circles (like scikit-learn's make_moons), scaled by 3 and centred:
 * class 0 the upper moon, class 1 the lower one; Gaussian noise with standard deviation 3·noise.
 */
export function moonsData(options: PlaygroundOptions = {}): Dataset {
  const scale = 3;
  return generate('moonsData', options, (label, _k, _c, noise, rng) => {
    const t = rng.uniform(0, Math.PI);
    // Unit moons: upper (cos t, sin t), lower (1 − cos t, 0.5 − sin t); the pair spans [−1, 2] × [−0.5, 1].
    const u = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const v = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    return [scale * (u - 0.5) + rng.normal(0, scale * noise), scale * (v - 0.25) + rng.normal(0, scale * noise)];
  });
}

const generators: Readonly<Record<PlaygroundName, (o?: PlaygroundOptions) => Dataset>> = {
  circle: circleData,
  xor: xorData,
  gauss: gaussData,
  spiral: spiralData,
  moons: moonsData,
};

/**
 * A Playground data set by name.
 * @example playground('circle', { n: 200, noise: 0.1, seed: 1 })
 */
export function playground(name: PlaygroundName, options: PlaygroundOptions = {}): Dataset {
  return generators[checkChoice('playground: name', name, playgroundNames)](options);
}
