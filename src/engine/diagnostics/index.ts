export * from './gradient-check';
export * from './classify-run';
export * from './learning-rate-sweep';
export * from './sweep-job';
export * from './run-note';
