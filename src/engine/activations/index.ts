export * from './activation';
export * from './builtins';
export * from './softmax';
export * from './get-activation';
