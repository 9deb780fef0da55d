/**
 * Runs huge census cases in this (child) process, one after the other, and prints one JSON
 * line per case before and after it: the parent (huge.test.ts) sees which case hung or killed
 * the process. Usage: tsx huge-child.ts FROM TO (indexes into hugeCases()).
 */
import { classifyError, runCase } from './census';
import { findNonFinite } from './census';
import { hugeCases } from './huge-cases';

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2).map(Number);
  const cases = hugeCases().slice(from, to);
  for (const { id, run } of cases) {
    process.stdout.write(JSON.stringify({ start: id }) + '\n');
    const c = run();
    let outcome: string;
    let detail = '';
    if (typeof c === 'function') {
      // A 10⁷-row call: a finite result or a named error with a good message.
      try {
        const result = c();
        const nonFinite = findNonFinite(result);
        outcome = nonFinite ? 'silent NaN' : 'correct';
        detail = nonFinite ?? String(result).slice(0, 80);
      } catch (error) {
        ({ outcome, detail } = classifyError(error, { bad: { label: id, make: () => undefined } }));
      }
    } else {
      ({ outcome, detail } = await runCase(c));
    }
    process.stdout.write(JSON.stringify({ done: id, outcome, detail }) + '\n');
  }
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(3);
});
