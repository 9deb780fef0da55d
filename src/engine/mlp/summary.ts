/** A model's summary: its layers, parameter counts and multiply-adds per sample. */
import type { MLP } from './mlp';
import { printsAsText } from '../inspect';
import { InputError, describeValue } from '../errors';

/** One row of a {@link ModelSummary}. */
export interface LayerSummary {
  /** E.g. 'dense 1'. */
  name: string;
  type: 'dense' | 'maxout';
  inputs: number;
  units: number;
  activation: string;
  /** Weights + biases. */
  parameters: number;
  /** Multiply-adds of xW for one sample: inputs × units × pieces. */
  multiplyAdds: number;
}

/** What `MLP.summary()` returns. */
export interface ModelSummary {
  layers: LayerSummary[];
  /** Total trainable parameters. */
  parameters: number;
  /** Total multiply-adds of one forward pass for one sample. */
  multiplyAddsPerSample: number;
  /** A table, e.g. for a notebook cell. */
  toString(): string;
}

/** Builds the summary of `model`. */
export function summarize(model: MLP): ModelSummary {
  if (typeof model !== 'object' || model === null || !Array.isArray((model as { layers?: unknown }).layers)) {
    throw new InputError(`summarize: expected an MLP, got ${describeValue(model)}`);
  }
  const layers: LayerSummary[] = model.layers.map((l, i) => ({
    name: `${l.type} ${i + 1}`,
    type: l.type,
    inputs: l.inputs,
    units: l.units,
    activation: l.activationName,
    parameters: l.parameterCount,
    multiplyAdds: l.inputs * l.zCols,
  }));
  const parameters = layers.reduce((s, l) => s + l.parameters, 0);
  const multiplyAddsPerSample = layers.reduce((s, l) => s + l.multiplyAdds, 0);
  return printsAsText({
    layers,
    parameters,
    multiplyAddsPerSample,
    toString() {
      const head = ['layer', 'inputs', 'units', 'activation', 'parameters', 'multiply-adds'];
      const rows = layers.map((l) => [l.name, String(l.inputs), String(l.units), l.activation, String(l.parameters), String(l.multiplyAdds)]);
      rows.push(['total', '', '', '', String(parameters), String(multiplyAddsPerSample)]);
      const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
      const fmt = (r: string[]) => r.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
      return [`MLP (${model.task}, loss ${model.loss.name})`, fmt(head), ...rows.map(fmt)].join('\n');
    },
  });
}
