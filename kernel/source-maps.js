'use strict';
// Source maps for the .ts files a notebook imports, so that a run-time error in an exercise
// points at the line of the .ts file the student wrote (Node maps stack frames itself once
// `process.setSourceMapsEnabled(true)` is on and the loaded code carries a map).
//
// tslab emits no map: it compiles a file to an ES module with its program, then converts that
// to CommonJS with `ts.transpileModule` (converter.js, esModuleToCommonJSModule). We repeat
// both steps on the file's source with maps on, compose the two maps, and attach the result
// only if our CommonJS is exactly the code tslab produced: a file that compiles differently
// (or changed on disk meanwhile) keeps tslab's code without a map, never a wrong one.

const fs = require('fs');
const { pathToFileURL } = require('url');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes a source map's `mappings` into lines of absolute segments [column, source, line, column]. */
function decodeMappings(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0]; // source, line and column carry over lines; the column resets
  for (const text of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const part of text.split(',')) {
      if (part === '') continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const c of part) {
        const digit = DIGIT.get(c);
        if (digit === undefined) throw new Error(`invalid source map character '${c}'`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length < 4) continue; // a segment that maps to no source
      state[0] += values[1];
      state[1] += values[2];
      state[2] += values[3];
      segments.push([column, state[0], state[1], state[2]]);
    }
    lines.push(segments);
  }
  return lines;
}

function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** The inverse of decodeMappings. */
function encodeMappings(lines) {
  const previous = [0, 0, 0];
  return lines
    .map((segments) => {
      let column = 0;
      return segments
        .map(([col, source, line, srcCol]) => {
          const text = vlq(col - column) + vlq(source - previous[0]) + vlq(line - previous[1]) + vlq(srcCol - previous[2]);
          column = col;
          previous[0] = source;
          previous[1] = line;
          previous[2] = srcCol;
          return text;
        })
        .join(',');
    })
    .join(';');
}

/** The segment of `lines` that covers (line, column): the last one at or before the column. */
function lookup(lines, line, column) {
  const segments = lines[line];
  if (!segments || segments.length === 0) return undefined;
  let found = segments[0];
  for (const s of segments) {
    if (s[0] > column) break;
    found = s;
  }
  return found;
}

/** Maps through `outer` (final → middle) and then `inner` (middle → source): final → source. */
function composeMappings(outer, inner) {
  return outer.map((segments) =>
    segments.flatMap(([column, , line, middleColumn]) => {
      const s = lookup(inner, line, middleColumn);
      return s ? [[column, s[1], s[2], s[3]]] : [];
    }),
  );
}

/**
 * tslab's own rewrite of every file it emits (converter.js, getCustomTransformers' `after`): the
 * last expression statement of a file, export declarations after it aside, becomes
 * `export const tsLastExpr = …` (a cell's value; in an imported file, one more export).
 */
function lastExpressionExported(ts) {
  return () => (sourceFile) => {
    const statements = sourceFile.statements;
    for (let i = statements.length - 1; i >= 0; i--) {
      const statement = statements[i];
      if (ts.isExportDeclaration(statement)) continue;
      if (!ts.isExpressionStatement(statement)) break;
      const declaration = ts.factory.createVariableStatement(
        [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
        ts.factory.createVariableDeclarationList([ts.factory.createVariableDeclaration('tsLastExpr', undefined, undefined, statement.expression)], ts.NodeFlags.Const),
      );
      return ts.factory.updateSourceFile(sourceFile, [...statements.slice(0, i), declaration, ...statements.slice(i + 1)]);
    }
    return sourceFile;
  };
}

/** The code without its source-map comment and trailing newlines, for comparing. */
const withoutMapComment = (code) => code.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '').replace(/\n+$/, '');

/**
 * The inline source-map comment for the CommonJS code tslab made from `file` (a .ts on disk),
 * or '' when our compile of the source does not give exactly `code`.
 * `ts` is tslab's TypeScript, `target` its script target.
 */
function sourceMapComment(ts, file, code, target, readFile = (f) => fs.readFileSync(f, 'utf8')) {
  let source;
  try {
    source = readFile(file);
  } catch {
    return '';
  }
  const common = { esModuleInterop: true, target, newLine: ts.NewLineKind.LineFeed, noImplicitUseStrict: true, sourceMap: true };
  // Step 1, as tslab's program emits the file (converter.js: module ESNext, jsx React, decorators).
  const esm = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { ...common, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.React, experimentalDecorators: true },
    transformers: { after: [lastExpressionExported(ts)] },
  });
  // Step 2, as esModuleToCommonJSModule converts it.
  const cjs = ts.transpileModule(withoutMapComment(esm.outputText), {
    fileName: 'custom.js',
    compilerOptions: { ...common, module: ts.ModuleKind.CommonJS },
  });
  if (withoutMapComment(cjs.outputText) !== withoutMapComment(code)) return '';
  const mappings = composeMappings(decodeMappings(JSON.parse(cjs.sourceMapText).mappings), decodeMappings(JSON.parse(esm.sourceMapText).mappings));
  const map = { version: 3, sources: [pathToFileURL(file).href], names: [], mappings: encodeMappings(mappings) };
  return `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
}

/**
 * Side outputs with a source map added to each compiled .ts file of the project (path
 * /project/x.js from /project/x.ts). Node then reports their frames at the .ts line.
 */
function withSourceMaps(ts, target, sideOutputs, fileExists = fs.existsSync) {
  return sideOutputs.map((output) => {
    if (!output.path.endsWith('.js') || /\/\/# sourceMappingURL=/.test(output.data)) return output;
    const file = output.path.replace(/\.js$/, '.ts');
    if (!fileExists(file)) return output;
    const comment = sourceMapComment(ts, file, output.data, target);
    return comment ? { path: output.path, data: output.data + (output.data.endsWith('\n') ? '' : '\n') + comment } : output;
  });
}

module.exports = { decodeMappings, encodeMappings, composeMappings, sourceMapComment, withSourceMaps };
