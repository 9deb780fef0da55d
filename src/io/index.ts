// What touches the system: the data files in data/, plots shown in a notebook (tslab) or
// saved to files. Built on the engine; never reachable from the grader's sandbox.
// This file only re-exports.
export * from './data-files';
export * from './display';
export * from './parallel-sweep';
