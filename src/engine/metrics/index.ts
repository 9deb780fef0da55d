export * from './accuracy';
export * from './r2-score';
export * from './confusion-matrix';
