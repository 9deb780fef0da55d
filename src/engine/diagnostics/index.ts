export * from './gradient-check';
export * from './classify-run';
export * from './learning-rate-sweep';
export * from './run-note';
