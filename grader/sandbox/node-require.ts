// Node's own require, past jest's module registry.

/** Loads a package with Node's own require: in a jest worker, a heavy package (TypeScript takes
 *  0.7 s of CPU to load) is then loaded once for all of the worker's test files, instead of once
 *  in each test file's module registry. */
export function nodeRequire(id: string): unknown {
  return (require('module') as typeof import('module')).createRequire(__filename)(id);
}
