/**
 * The key under which Node's `util.inspect` looks for a custom printer. tslab shows a cell's
 * value with console.log, so objects that define it print as a readable text in a notebook.
 * (`Symbol.for` is plain JavaScript: no Node import.)
 */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** Makes `o` print as `o.toString()` in a notebook (a non-enumerable printer); returns `o`. */
export function printsAsText<T extends { toString(): string }>(o: T): T {
  Object.defineProperty(o, inspectSymbol, { value: () => o.toString(), enumerable: false });
  return o;
}
