/** The saved form of an MLP (what toJSON returns and fromJSON reads), written and checked. */
import { InputError, ShapeError, checkChoice, describeValue } from '../errors';
import type { Loss } from '../losses';
import { toMatrix, toVector } from '../matrix';
import { checkOptions, optionKeys } from '../options';
import type { InitName } from './init';
import type { Layer } from './layer';
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

/** The keys of a saved MLP, listed once. */
const JSON_KEYS = optionKeys<MLPJSON>()('format', 'inputs', 'task', 'init', 'seed', 'loss', 'layers');

/** The saved form of a model's architecture and weights. */
export function modelToJSON(m: { inputs: number; task: Task; init: InitName; seed: number | string; loss: Loss; layers: readonly Layer[] }): MLPJSON {
  return {
    format: MLP_FORMAT,
    inputs: m.inputs,
    task: m.task,
    init: m.init,
    seed: m.seed,
    loss: m.loss.params ? { name: m.loss.name, params: { ...m.loss.params } } : { name: m.loss.name },
    layers: m.layers.map((l) => ({
      type: l.type,
      units: l.units,
      ...(l.type === 'maxout'
        ? { pieces: l.pieces }
        : { activation: l.activation.params ? { name: l.activation.name, params: { ...l.activation.params } } : { name: l.activation.name } }),
      W: l.W.toArray(),
      b: Array.from(l.b.data),
    })),
  };
}

/**
 * A saved model (an object or its JSON text) checked down to its layers' types; the
 * architecture is checked by the MLP it builds, the weights by loadSavedWeights.
 */
export function readSavedModel(json: MLPJSON | string): MLPJSON {
  let j: MLPJSON;
  try {
    j = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (e) {
    throw new InputError(`MLP.fromJSON: expected the JSON text of a saved model, but it does not parse: ${(e as Error).message}`);
  }
  if (!j || typeof j !== 'object' || !Array.isArray(j.layers)) {
    throw new InputError(`MLP.fromJSON: expected an object saved by MLP.toJSON (format '${MLP_FORMAT}'), got ${describeValue(j)}`);
  }
  if (j.format !== MLP_FORMAT) {
    throw new InputError(`MLP.fromJSON: expected format '${MLP_FORMAT}' (saved by this version of annlab), got ${describeValue(j.format)}`);
  }
  checkOptions('MLP.fromJSON', j, JSON_KEYS);
  j.layers.forEach((l, i) => {
    if (typeof l !== 'object' || l === null) throw new InputError(`MLP.fromJSON: layers[${i}]: expected a saved layer { type, units, W, b }, got ${describeValue(l)}`);
    checkChoice(`MLP.fromJSON: layers[${i}].type`, l.type, ['dense', 'maxout'] as const);
  });
  return j;
}

/** Copies the saved weights into `layers` (built from the same saved architecture), checked. */
export function loadSavedWeights(layers: readonly Layer[], j: MLPJSON): void {
  layers.forEach((layer, i) => {
    const saved = j.layers[i];
    const W = toMatrix(saved.W, `MLP.fromJSON: layers[${i}].W`);
    const b = toVector(saved.b, `MLP.fromJSON: layers[${i}].b`);
    if (W.rows !== layer.W.rows || W.cols !== layer.W.cols || b.length !== layer.b.cols) {
      throw new ShapeError(`MLP.fromJSON: layer ${i}: expected W ${layer.W.rows}×${layer.W.cols} and ${layer.b.cols} biases, got W ${W.rows}×${W.cols} and ${b.length}`);
    }
    layer.W.data.set(W.data);
    layer.b.data.set(b);
  });
}
