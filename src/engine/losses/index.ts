export * from './loss';
export * from './builtins';
export * from './get-loss';
