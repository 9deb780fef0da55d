/**
 * exercises/ (student starters) and solutions/ (reference) must export the same names with the
 * same types, so that a student's file can replace the reference file for file. Checked with the
 * TypeScript compiler API. It guards the course material, so it lives with the grader's own tests
 * (test/grader/, lecturer only): the student release has no solutions/ and leaves it out.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const EXERCISES = path.join(ROOT, 'exercises');
const SOLUTIONS = path.join(ROOT, 'solutions');

const tsFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

/** A readable description of every export of a module: name → kind and type. */
function exportsOf(checker: ts.TypeChecker, file: ts.SourceFile): Record<string, string> {
  const out: Record<string, string> = {};
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) return out;
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;
  for (const sym of checker.getExportsOfModule(moduleSymbol)) {
    const decl = sym.declarations?.[0];
    if (!decl) continue;
    if (ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl)) {
      const type = checker.getDeclaredTypeOfSymbol(sym);
      const members = checker.getPropertiesOfType(type).map((p) => `${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, decl), undefined, flags)}`);
      out[sym.name] = `${ts.isClassDeclaration(decl) ? 'class' : 'interface'} { ${members.sort().join('; ')} }`;
    } else if (ts.isTypeAliasDeclaration(decl)) {
      out[sym.name] = `type = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(sym), undefined, flags)}`;
    } else {
      out[sym.name] = `value: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(sym, decl), undefined, flags)}`;
    }
  }
  return out;
}

describe('exercises/ and solutions/', () => {
  it('hold the same files', () => {
    expect(tsFiles(EXERCISES)).toEqual(tsFiles(SOLUTIONS));
  });

  it('export the same names with the same types, file by file', () => {
    const files = tsFiles(SOLUTIONS).flatMap((f) => [path.join(SOLUTIONS, f), path.join(EXERCISES, f)]).filter(fs.existsSync);
    const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, noEmit: true, skipLibCheck: true, types: [] });
    const checker = program.getTypeChecker();
    const differences: string[] = [];
    for (const f of tsFiles(SOLUTIONS)) {
      const sol = program.getSourceFile(path.join(SOLUTIONS, f));
      const exe = program.getSourceFile(path.join(EXERCISES, f));
      if (!sol || !exe) continue;
      const a = exportsOf(checker, sol);
      const b = exportsOf(checker, exe);
      for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[name] !== b[name]) differences.push(`${f} ${name}:\n  solutions: ${a[name] ?? '(missing)'}\n  exercises: ${b[name] ?? '(missing)'}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
