/** Truth tables of the logic gates: the first data sets of the course (TLU, perceptron, XOR). */
import { checkChoice } from '../errors';
import { Dataset } from './dataset';

/** The logic gates {@link truthTable} knows. */
export type Gate = 'and' | 'or' | 'nand' | 'nor' | 'xor';

/** The allowed gate names, for run-time checks and menus. */
export const gateNames: readonly Gate[] = ['and', 'or', 'nand', 'nor', 'xor'];

const gateFunctions: Readonly<Record<Gate, (a: number, b: number) => boolean>> = {
  and: (a, b) => a === 1 && b === 1,
  or: (a, b) => a === 1 || b === 1,
  nand: (a, b) => !(a === 1 && b === 1),
  nor: (a, b) => !(a === 1 || b === 1),
  xor: (a, b) => a !== b,
};

/**
 * The truth table of a two-input gate: X = [[0,0],[0,1],[1,0],[1,1]] and y its outputs (0/1).
 * @example truthTable('and').y // [0, 0, 0, 1]
 */
export function truthTable(gate: Gate): Dataset {
  const g = checkChoice('truthTable: gate', gate, gateNames);
  const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
  return {
    X,
    y: X.map(([a, b]) => (gateFunctions[g](a, b) ? 1 : 0)),
    featureNames: ['x1', 'x2'],
    targetName: g,
    classNames: ['0', '1'],
  };
}
