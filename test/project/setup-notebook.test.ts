import { VERSION } from '../../src';
import { cellText, codeCells, executeNotebook, itWithJupyter, notebookProblems } from '../support/jupyter';

describe('notebooks/00-setup.ipynb in real Jupyter with the annlab kernel', () => {
  itWithJupyter(
    'runs top to bottom without error or stderr output, printing the version and a matrix product',
    async () => {
      const run = await executeNotebook('notebooks/00-setup.ipynb');
      expect(notebookProblems(run)).toEqual([]);
      const printed = codeCells(run.notebook).map(cellText).join('');
      expect(printed).toContain(`annlab ${VERSION}`);
      expect(printed).toContain('[ [ 19, 22 ], [ 43, 50 ] ]');
    },
    180_000,
  );
});
