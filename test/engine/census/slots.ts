/** Shorthands for writing census entries: a slot of each kind with a valid value. */
import { Kind } from './kinds';
import { Slot } from './census';

type Extra = Partial<Omit<Slot, 'name' | 'kind' | 'valid'>>;
const slot = (kind: Kind) => (name: string, valid: () => unknown, extra: Extra = {}): Slot => ({ name, kind, valid, ...extra });

export const matrix = slot('matrix');
export const vector = slot('vector');
export const labels = slot('labels');
export const size = slot('size');
export const count0 = slot('count0');
export const positive = slot('positive');
export const number = slot('number');
export const fraction = slot('fraction');
export const choice = slot('choice');
export const boolean = slot('boolean');
export const fn = slot('function');
export const seed = slot('seed');
export const text = slot('text');
export const object = slot('object');
export const any = slot('any');

/** An optional options object with its known keys (each probed with bad values of its kind). */
export function options(name: string, keys: Record<string, Kind>, valid: () => object | undefined = () => undefined, extra: Extra = {}): Slot {
  return { name, kind: 'options', valid, optional: true, keys, ...extra };
}

/** An options object that must be given (required keys inside). */
export function required(name: string, keys: Record<string, Kind>, valid: () => object, extra: Extra = {}): Slot {
  return { name, kind: 'options', valid, keys, ...extra };
}

/** The options every plot takes. */
export const PLOT_KEYS: Record<string, Kind> = { title: 'text', width: 'size', height: 'size', description: 'text' };

/** Small valid data: 4 samples, 2 features, classes 0/1 (the AND gate). */
export const X4 = () => [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const Y4 = () => [0, 0, 0, 1];
