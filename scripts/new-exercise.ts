// npm run new-exercise -- NAME [--title "Title"] [--notebook scripts/notebook-sources/NN-x.txt]
// Scaffolds a graded exercise (see grader/scaffold.ts and grading/README.md).
import * as path from 'path';
import { scaffoldExercise } from '../grader/scaffold';

function main(argv: string[]): number {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const name = argv.find((a, i) => !a.startsWith('--') && !['--title', '--notebook'].includes(argv[i - 1]));
  if (!name) {
    console.error('usage: npm run new-exercise -- NAME [--title "Title"] [--notebook scripts/notebook-sources/NN-x.txt]');
    return 2;
  }
  const root = path.resolve(__dirname, '..');
  const written = scaffoldExercise(root, { name, title: value('--title'), notebookSource: value('--notebook') });
  console.log(`new-exercise: ${name}\n${written.map((f) => `  wrote ${f}`).join('\n')}`);
  console.log(`next: write solutions/${name}.ts and its tests, then \`npm run stubs\`, \`npm run grade -- --solutions --exercise ${name}\`${value('--notebook') ? ' and `npx tsx scripts/make-notebooks.ts`' : ''}`);
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
