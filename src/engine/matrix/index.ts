export * from './matrix';
export * from './convert';
export * from './ops';
export * from './kernels';
export * from './kernels-blocked';
export * from './kernels-wasm';
