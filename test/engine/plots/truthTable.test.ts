import { truthTablePlot } from '../../../src/engine/plots';
import { TLU, truthTable } from '../../../src';
import { expectRenders } from './render-check';

describe('truthTablePlot', () => {
  it('lists inputs, target and the model output with ✓ / ✗ per row', () => {
    const gate = truthTable('xor');
    const orUnit = new TLU({ weights: [1, 1], bias: -0.5 }); // computes OR: wrong on (1, 1) for XOR
    const spec = truthTablePlot(gate, { output: orUnit }) as any;
    const cells = spec.data.values as { row: number; column: string; text: string }[];
    const marks = cells.filter((c) => c.column === '').map((c) => c.text);
    expect(marks).toEqual(['✓', '✓', '✓', '✗']);
    expect(spec.encoding.x.sort).toEqual(['x₁', 'x₂', gate.targetName, 'ŷ (model)', '']);
    expect(spec.description).toContain('3 of 4 rows right');
    expectRenders(spec);
  });

  it('shows the table alone without a model', () => {
    const spec = truthTablePlot({ X: [[0], [1]], y: [1, 0] }) as any;
    expect(spec.data.values).toHaveLength(4);
  });
});
