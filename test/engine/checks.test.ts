/** The checks every public boundary uses: they refuse bad arguments of their own too. */
import { OptionError, checkChoice, checkInteger, checkNames, checkNumberIn, checkOptions, shapeString } from '../../src';

describe('the shared checks', () => {
  it('shapeString formats [rows×cols] of counts and refuses anything else', () => {
    expect(shapeString(2, 3)).toBe('[2×3]');
    expect(() => shapeString(-1, 3)).toThrow(/shapeString: rows: expected an integer ≥ 0, got -1/);
    expect(() => shapeString(2, 8.6e169)).toThrow(OptionError);
  });
  it('checkChoice and checkOptions refuse a list of names that is not one', () => {
    expect(checkChoice('f: mode', 'a', ['a', 'b'])).toBe('a');
    expect(() => checkChoice('f: mode', 'a', null as unknown as string[])).toThrow(/checkChoice: choices: expected a non-empty list of names \(string\[\]\), got null/);
    expect(() => checkOptions('f: options', { a: 1 }, 'a' as unknown as string[])).toThrow(/checkOptions: known: expected a non-empty list of names/);
    expect(() => checkNames('x', [1])).toThrow(OptionError);
  });
  it('checkInteger refuses bounds that are not numbers, or min > max', () => {
    expect(checkInteger('n', 3, 0, 5)).toBe(3);
    expect(() => checkInteger('n', 3, NaN)).toThrow(/checkInteger: expected bounds min ≤ max \(numbers\), got min = NaN/);
    expect(() => checkInteger('n', 3, 5, 1)).toThrow(OptionError);
    expect(() => checkInteger('n', 3, null as unknown as number)).toThrow(OptionError);
  });
});

describe('checkNumberIn', () => {
  it('passes a finite number within [lo, hi] through, hi may be Infinity', () => {
    expect(checkNumberIn('noise', 0, 0, 0.5)).toBe(0);
    expect(checkNumberIn('noise', 0.5, 0, 0.5)).toBe(0.5);
    expect(checkNumberIn('noise', 1e9, 0, Infinity)).toBe(1e9);
  });
  it('refuses what lies outside, or is no finite number, naming the range', () => {
    expect(() => checkNumberIn('playground: noise', 0.6, 0, 0.5)).toThrow(new OptionError('playground: noise: expected a finite number from 0 to 0.5, got 0.6'));
    expect(() => checkNumberIn('sineData: noise', -1, 0, Infinity)).toThrow(new OptionError('sineData: noise: expected a finite number ≥ 0, got -1'));
    for (const bad of [NaN, Infinity, '0.1', null]) expect(() => checkNumberIn('noise', bad, 0, Infinity)).toThrow(OptionError);
  });
  it('refuses bounds that make no range', () => {
    expect(() => checkNumberIn('noise', 0, 1, 0)).toThrow(/expected bounds lo ≤ hi/);
  });
});
