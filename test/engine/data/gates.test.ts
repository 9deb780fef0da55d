import { truthTable, gateNames, OptionError } from '../../../src';

describe('truthTable', () => {
  it.each([
    ['and', [0, 0, 0, 1]],
    ['or', [0, 1, 1, 1]],
    ['nand', [1, 1, 1, 0]],
    ['nor', [1, 0, 0, 0]],
    ['xor', [0, 1, 1, 0]],
  ] as const)('%s has the outputs %j for the inputs 00, 01, 10, 11', (g, y) => {
    const d = truthTable(g);
    expect(d.X).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(d.y).toEqual(y);
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.targetName).toBe(g);
  });

  it('knows exactly the gates it lists', () => {
    expect(gateNames).toEqual(['and', 'or', 'nand', 'nor', 'xor']);
  });

  it('refuses an unknown gate with an OptionError listing the gates', () => {
    expect(() => truthTable('xnor' as 'xor')).toThrow(OptionError);
    expect(() => truthTable('xnor' as 'xor')).toThrow("truthTable: gate: expected one of 'and', 'or', 'nand', 'nor', 'xor', got 'xnor' (a string)");
  });

  it('returns fresh arrays: changing one table does not change the next', () => {
    truthTable('and').X[0][0] = 9;
    expect(truthTable('and').X[0][0]).toBe(0);
  });
});
