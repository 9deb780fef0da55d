// npm run stubs [-- --check] : the student starters exercises/*.ts, generated from solutions/*.ts.
// A starter keeps the solution's header comment, types and doc comments and exported
// signatures; each exported function's body becomes `throw new NotImplemented(name, where)`,
// `where` being the notebook section of grading/notebook-sections.json. Files without an entry
// there (not-implemented.ts) are shared helpers, copied as they are.
// With --check nothing is written: it lists the starters that differ from what it would make.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** grading/notebook-sections.json: per exercise, the default section and those of single functions. */
export interface NotebookSections {
  [exercise: string]: {
    /** where the course explains the exercise's functions, e.g. 'notebooks/02-perceptron.ipynb, section "The perceptron rule"' */
    default: string;
    /** functions explained elsewhere */
    functions: Record<string, string>;
    /** a comment line placed above the imports of the starter */
    preamble?: string;
  };
}

/** The starter made from one solution file's text. */
export function makeStub(fileName: string, text: string, info: NotebookSections[string]): string {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2020, true);
  const headerEnd = text.indexOf('*/') + 2; // the file's opening comment
  const header = text.slice(0, headerEnd);
  const typeImports: string[] = [];
  let out = '';
  for (const st of sf.statements) {
    const from = Math.max(st.getFullStart(), headerEnd);
    if (ts.isImportDeclaration(st)) {
      // Only the imported types survive (names starting with a capital): a stub computes nothing.
      const bindings = st.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text).filter((n) => /^[A-Z]/.test(n)) : [];
      if (names.length) typeImports.push(`import type { ${names.join(', ')} } from ${st.moduleSpecifier.getText()};`);
      continue;
    }
    const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue; // private helpers of the solution stay private
    if (ts.isFunctionDeclaration(st) && st.body && st.name) {
      const fn = st.name.text;
      const where = info.functions[fn] ?? info.default;
      out += `${text.slice(from, st.body.getStart())}{\n  throw new NotImplemented('${fn}', '${where.replace(/'/g, "\\'")}');\n}\n`;
    } else out += `${text.slice(from, st.getEnd())}\n`;
  }
  // Keep only the type names the stub still mentions.
  const used = typeImports
    .map((line) => line.replace(/\{ ([^}]*) \}/, (_all, names: string) => `{ ${names.split(', ').filter((n) => new RegExp(`\\b${n}\\b`).test(out)).join(', ')} }`))
    .filter((line) => !line.includes('{  }'));
  const imports = [`import { NotImplemented } from './not-implemented';`, ...used].join('\n');
  const body = out.replace(/^\n+/, '\n');
  return `${header}\n${info.preamble ? info.preamble + '\n' : ''}${imports}\n${body}`.replace(/\n{3,}/g, '\n\n');
}

/** Every starter file (name → text) that solutions/ and grading/notebook-sections.json make. */
export function makeStubs(root: string): Map<string, string> {
  const sections = JSON.parse(fs.readFileSync(path.join(root, 'grading', 'notebook-sections.json'), 'utf8')) as NotebookSections;
  const solutions = path.join(root, 'solutions');
  const files = fs.readdirSync(solutions).filter((f) => f.endsWith('.ts')).sort();
  const out = new Map<string, string>();
  for (const name of Object.keys(sections)) {
    if (!files.includes(`${name}.ts`)) throw new Error(`grading/notebook-sections.json names '${name}', but solutions/${name}.ts does not exist`);
  }
  for (const f of files) {
    const text = fs.readFileSync(path.join(solutions, f), 'utf8');
    const info = sections[f.replace(/\.ts$/, '')];
    out.set(f, info ? makeStub(path.join(solutions, f), text, info) : text);
  }
  return out;
}

/** Starter files that differ from what makeStubs makes (or are missing, or have no solution). */
export function staleStubs(root: string): string[] {
  const want = makeStubs(root);
  const dir = path.join(root, 'exercises');
  const have = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const stale: string[] = [];
  for (const [f, text] of want) {
    const file = path.join(dir, f);
    if (!fs.existsSync(file)) stale.push(`exercises/${f} is missing`);
    else if (fs.readFileSync(file, 'utf8') !== text) stale.push(`exercises/${f} differs from the stub of solutions/${f}`);
  }
  for (const f of have) if (!want.has(f)) stale.push(`exercises/${f} has no solutions/${f}`);
  return stale.sort();
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  if (process.argv.includes('--check')) {
    const stale = staleStubs(root);
    if (stale.length) {
      console.error(`stubs: exercises/ is out of date (run \`npm run stubs\`):\n- ${stale.join('\n- ')}`);
      return 1;
    }
    console.log('stubs: exercises/ matches solutions/');
    return 0;
  }
  let written = 0;
  for (const [f, text] of makeStubs(root)) {
    const file = path.join(root, 'exercises', f);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.writeFileSync(file, text);
    console.log(`stubs: wrote exercises/${f}`);
    written++;
  }
  console.log(`stubs: ${written} file(s) written; exercises/ matches solutions/`);
  return 0;
}

if (require.main === module) process.exit(main());
