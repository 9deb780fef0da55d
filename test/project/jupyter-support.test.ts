import { Notebook, jupyterAvailable, makeNotebook, notebookProblems } from '../support/jupyter';

describe('test/support/jupyter: when Jupyter is absent', () => {
  const saved = { CI: process.env.CI, ANNLAB_JUPYTER: process.env.ANNLAB_JUPYTER };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    jest.restoreAllMocks();
  });

  it('says so, with how to install it, and lets the caller skip (CI not set)', () => {
    process.env.ANNLAB_JUPYTER = 'none';
    delete process.env.CI;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(jupyterAvailable()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Skipping the tests that execute notebooks: .*apt install jupyter-nbconvert/));
  });

  it('fails instead when CI is set: a CI run must execute its notebooks', () => {
    process.env.ANNLAB_JUPYTER = 'none';
    process.env.CI = 'true';
    expect(() => jupyterAvailable()).toThrow(/Jupyter is required when CI is set.*\.ci\/run installs it/);
  });
});

describe('test/support/jupyter: notebookProblems', () => {
  it('lists every error output and stderr output with its code cell, and nothing for a clean notebook', () => {
    const notebook: Notebook = makeNotebook(['ok()', 'bad()', 'noisy()']);
    notebook.cells[0].outputs = [{ output_type: 'stream', name: 'stdout', text: ['fine\n'] }];
    notebook.cells[1].outputs = [
      { output_type: 'error', ename: 'TypeError', evalue: 'x is not a function', traceback: ['\u001b[31mTypeError\u001b[0m: x'] },
    ];
    notebook.cells[2].outputs = [{ output_type: 'stream', name: 'stderr', text: ['2:7 - Type ', "'string' is not assignable"] }];
    expect(notebookProblems(notebook)).toEqual([
      'cell 2 (bad()): error TypeError: x is not a function\nTypeError: x',
      "cell 3 (noisy()): stderr: 2:7 - Type 'string' is not assignable",
    ]);
    expect(notebookProblems(makeNotebook(['1 + 1']))).toEqual([]);
  });

  it('makes notebooks for the annlab kernel without outputs or execution counts', () => {
    const notebook = makeNotebook(['const a = 1;']);
    expect(notebook.metadata.kernelspec).toEqual({ name: 'annlab', display_name: 'TypeScript (annlab)', language: 'typescript' });
    expect(notebook.cells).toEqual([
      { cell_type: 'code', id: 'cell-1', metadata: {}, source: 'const a = 1;', outputs: [], execution_count: null },
    ]);
  });
});
