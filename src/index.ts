// annlab: the public API. This file only re-exports.
export * from './version';
export * from './errors';
export * from './rng';
export * from './matrix';
export * from './tlu';
export * from './perceptron';
export * from './data';
export * from './activations';
export * from './losses';
export * from './metrics';
export * from './mlp';
export * from './diagnostics';
export * from './plots';
export * from './display';
export * from './grader';
