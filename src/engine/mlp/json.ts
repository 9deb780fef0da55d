/** The saved form of an MLP (what toJSON returns and fromJSON reads). */
import type { InitName } from './init';
import type { Task } from './options';

/** Marks an object as a saved annlab MLP. */
export const MLP_FORMAT = 'annlab-mlp/1';

/** A name with optional settings, e.g. `{ name: 'huber', params: { delta: 2 } }`. */
export interface NamedJSON {
  name: string;
  params?: { [key: string]: number };
}

/** One saved layer. */
export interface LayerJSON {
  type: 'dense' | 'maxout';
  units: number;
  activation?: NamedJSON;
  pieces?: number;
  /** [inputs × units·pieces] */
  W: number[][];
  b: number[];
}

/** A saved MLP. */
export interface MLPJSON {
  format: typeof MLP_FORMAT;
  inputs: number;
  task: Task;
  init: InitName;
  seed: number | string;
  loss: NamedJSON;
  layers: LayerJSON[];
}
