export * from './matrix';
export * from './convert';
export * from './ops';
export * from './kernels';
