import * as fs from 'fs';
import * as path from 'path';
import { Notebook, PROJECT_ROOT } from '../support/jupyter';

const notebookDir = path.join(PROJECT_ROOT, 'notebooks');
const files = fs.readdirSync(notebookDir).filter((f) => f.endsWith('.ipynb')).sort();

describe('the committed notebooks', () => {
  it('include 00-setup.ipynb', () => {
    expect(files).toContain('00-setup.ipynb');
  });

  describe.each(files)('%s', (file) => {
    const notebook = JSON.parse(fs.readFileSync(path.join(notebookDir, file), 'utf8')) as Notebook;

    it('is nbformat 4 and names the annlab kernel (TypeScript)', () => {
      expect(notebook.nbformat).toBe(4);
      expect(notebook.metadata.kernelspec).toMatchObject({ name: 'annlab', language: 'typescript' });
    });

    it('has no stored outputs and no execution counts', () => {
      const dirty = notebook.cells
        .map((cell, i) => ({ cell: i + 1, outputs: cell.outputs?.length ?? 0, count: cell.execution_count ?? null }))
        .filter((c) => c.outputs > 0 || c.count !== null);
      expect(dirty).toEqual([]);
    });
  });
});
