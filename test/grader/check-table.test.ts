// check()'s table in a notebook: one score line that says what it counts, every unwritten
// function named once, the other failures with their hints.
import { checkTable, notImplemented } from '../../grader/check';
import type { TestOutcome } from '../../grader/report';

const STUB = (fn: string, section: string) =>
  `${fn} is not implemented yet: replace the "throw new NotImplemented(...)" line with your code. The notebook explains it: notebooks/01-neurons.ipynb, section "${section}".`;

function outcome(id: string, status: TestOutcome['status'], output = ''): TestOutcome {
  return { id, exercise: '01-neurons', name: `the test ${id}`, status, score: status === 'passed' ? 1 : 0, maxScore: 1, visibility: 'visible', output };
}

describe('checkTable', () => {
  it('names each unwritten function once, with where the notebook explains it, however many tests call it', () => {
    const tests = [
      outcome('01-neurons.step.values', 'failed', STUB('step', 'The threshold logic unit')),
      outcome('01-neurons.step.zero', 'failed', STUB('step', 'The threshold logic unit')),
      outcome('01-neurons.output.examples', 'failed', STUB('tluOutput', 'The threshold logic unit')),
      outcome('01-neurons.gates.and', 'failed', STUB('handWeights', 'AND and OR by hand')),
      outcome('01-neurons.gates.or', 'failed', STUB('handWeights', 'AND and OR by hand')),
    ];
    const table = checkTable('01-neurons', 0, 5, tests);
    expect(table.match(/is not implemented yet|Not implemented yet/g)).toHaveLength(1);
    expect(table).toContain('  Not implemented yet: step, tluOutput, handWeights. Replace each "throw new NotImplemented(...)" line with your code.');
    expect(table).toContain('    step, tluOutput: notebooks/01-neurons.ipynb, section "The threshold logic unit"');
    expect(table).toContain('    handWeights: notebooks/01-neurons.ipynb, section "AND and OR by hand"');
    expect(table).toContain('  ✗ [01-neurons.step.zero] the test 01-neurons.step.zero (step not implemented yet)');
  });

  it('has exactly one score line, which says that it counts the public tests', () => {
    const table = checkTable('01-neurons', 1, 2, [outcome('01-neurons.a', 'passed'), outcome('01-neurons.b', 'failed', 'step(0)\n  expected: 1\n  received: 0\n  hint: use z >= 0')]);
    expect(table.split('\n').filter((l) => /\bpoints\b/.test(l))).toEqual(['01-neurons: 1 / 2 points (public tests; the grader also runs hidden tests after the due date)']);
    expect(table).toContain('What to fix:\n  [01-neurons.b]\n    step(0)\n      expected: 1');
    expect(table).not.toContain('Not implemented yet');
  });

  it('says when every public test passes, and lists at most five other failures', () => {
    expect(checkTable('x', 2, 2, [outcome('x.a', 'passed'), outcome('x.b', 'passed')])).toMatch(/\n\nAll public tests pass\.$/);
    const many = Array.from({ length: 7 }, (_, i) => outcome(`x.t${i}`, 'failed', `wrong ${i}`));
    const table = checkTable('x', 0, 7, many);
    expect(table).toContain('    wrong 4');
    expect(table).not.toContain('    wrong 5');
    expect(table).toContain('  … and 2 more');
  });
});

describe('notImplemented', () => {
  it('reads the function and the notebook section from the sandbox\'s message, and nothing from other failures', () => {
    expect(notImplemented(STUB('step', 'The threshold logic unit'))).toEqual({ fn: 'step', where: 'notebooks/01-neurons.ipynb, section "The threshold logic unit"' });
    expect(notImplemented('step is not implemented yet')).toEqual({ fn: 'step', where: '' });
    expect(notImplemented('step(0): expected 1, received 0')).toBeUndefined();
  });
});
