// The engine: pure computation, the course from the TLU to the MLP. Nothing below this
// folder imports a Node built-in or a package (test/engine/purity.test.ts proves it), so it
// runs anywhere, and it is all that student code in the grader's sandbox can reach.
// This file only re-exports.
export * from './version';
export * from './errors';
export { checkOptions, optionKeys } from './options';
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
