// annlab, as a notebook imports it: `import { ... } from './src'`. This file only re-exports.
//   engine/  pure computation (what student code in the grader's sandbox gets, and nothing else)
//   io/      the data files, showing and saving plots
//   check()  the public tests of one exercise, run by the grader (../grader, a lecturer's tool)
export * from './engine';
export * from './io';
export { check, checkTable } from '../grader/check';
export type { CheckResult, CheckOptions } from '../grader/check';
