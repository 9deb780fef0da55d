import { parseCsv, csvToDataset, InputError, OptionError } from '../../../src';

describe('parseCsv', () => {
  it('splits a header and rows, skipping empty lines and accepting \\r\\n', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3, 4\n')).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']] });
  });

  it('names the line of a row with the wrong number of values', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(InputError);
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow('parseCsv: line 3: expected 2 values (as in the header), got 1');
  });

  it('refuses empty text, a header without rows and quoted fields', () => {
    expect(() => parseCsv('')).toThrow('expected a header line and data rows, got an empty text');
    expect(() => parseCsv('a,b\n')).toThrow('expected data rows after the header, got none');
    expect(() => parseCsv('a\n"x"\n')).toThrow('quoted fields are not supported');
  });
});

describe('csvToDataset', () => {
  const text = 'x1,label,x2\n1,cat,2\n3,dog,4\n5,cat,6\n';

  it('takes the target column out and keeps the others as numeric features in order', () => {
    const d = csvToDataset(text, { target: 'label', task: 'classification' });
    expect(d.X).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.targetName).toBe('label');
  });

  it('numbers string classes in order of first appearance, or as given', () => {
    expect(csvToDataset(text, { target: 'label', task: 'classification' })).toMatchObject({ y: [0, 1, 0], classNames: ['cat', 'dog'] });
    expect(csvToDataset(text, { target: 'label', task: 'classification', classNames: ['dog', 'cat'] })).toMatchObject({ y: [1, 0, 1], classNames: ['dog', 'cat'] });
  });

  it('keeps integer classes as they are, naming them 0 … max', () => {
    const d = csvToDataset('p,d\n0,2\n1,0\n', { target: 'd', task: 'classification' });
    expect(d.y).toEqual([2, 0]);
    expect(d.classNames).toEqual(['0', '1', '2']);
  });

  it('reads numeric targets for regression', () => {
    const d = csvToDataset('a,t\n1,1.5\n2,-3\n', { target: 't', task: 'regression' });
    expect(d.y).toEqual([1.5, -3]);
    expect(d.classNames).toBeUndefined();
  });

  it('names the row and column of a value that is not a number, and an unknown target or class', () => {
    expect(() => csvToDataset('a,t\n1,1\nx,2\n', { target: 't', task: 'regression' })).toThrow("csvToDataset: row 2, column 'a': expected a number, got 'x'");
    expect(() => csvToDataset('a,t\n1,1\n2,\n', { target: 't', task: 'regression' })).toThrow("row 2, target 't': expected a number, got ''");
    expect(() => csvToDataset(text, { target: 'species', task: 'classification' })).toThrow(OptionError);
    expect(() => csvToDataset(text, { target: 'label', task: 'classification', classNames: ['cat'] })).toThrow("row 2, target 'label': expected one of the classes cat, got 'dog'");
    expect(() => csvToDataset(text, { target: 'label', task: 'clustering' as 'regression' })).toThrow(OptionError);
  });
});
