'use strict';
/* Lets `require` load the lecturer's TypeScript tests (and what they import) in the grading
 * runner's workers. Each file is transpiled alone, as jest's ts-jest does with isolatedModules,
 * with the project's tsconfig.json, to CommonJS with an inline source map; the output is kept in
 * a folder only the grader's user can read (the hidden tests are in it), keyed by a hash of the
 * source, the options and the TypeScript version. After the first run nothing is transpiled and
 * TypeScript itself is never loaded. Plain JavaScript, because it is what loads the TypeScript. */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * Where the compiled files are kept (hidden tests included), readable by the grader's user only
 * (mode 700): the project's node_modules/.cache, or, where that is not this user's to have (a
 * node_modules shared by a class on JupyterHub), one folder per user in the temporary folder.
 * Throws when neither can be had.
 */
function compiledDirectory(root, uid = typeof process.getuid === 'function' ? process.getuid() : null) {
  const candidates = [path.join(root, 'node_modules', '.cache', 'annlab-tests'), path.join(os.tmpdir(), uid === null ? 'annlab-tests-cache' : `annlab-tests-cache-${uid}`)];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.chmodSync(dir, 0o700);
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      /* another user's, or read-only: the next place */
    }
  }
  throw new Error(`no folder for the compiled tests: ${candidates.join(' and ')} are not writable`);
}

/** Registers the `.ts` loader for files of `root`, with its cache in `cacheDir` (mode 700). */
function registerTypeScript(root, cacheDir = compiledDirectory(root)) {
  const tsconfigFile = path.join(root, 'tsconfig.json');
  const tsconfigText = fs.existsSync(tsconfigFile) ? fs.readFileSync(tsconfigFile, 'utf8') : '{}';
  const tsPackage = require.resolve('typescript/package.json', { paths: [root] });
  const tsVersion = JSON.parse(fs.readFileSync(tsPackage, 'utf8')).version;
  let typescript;
  let options;
  /** The compiler options, read once, on the first file not in the cache. */
  function compilerOptions() {
    if (options) return options;
    typescript = require(path.dirname(tsPackage));
    const parsed = typescript.parseConfigFileTextToJson(tsconfigFile, tsconfigText);
    const converted = typescript.convertCompilerOptionsFromJson((parsed.config && parsed.config.compilerOptions) || {}, root);
    // The grader's own files are ES2020 whatever a project's tsconfig leaves out.
    options = {
      target: typescript.ScriptTarget.ES2020,
      esModuleInterop: true,
      ...converted.options,
      module: typescript.ModuleKind.CommonJS,
      noEmit: false,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: true,
      inlineSources: false,
    };
    return options;
  }
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const key = crypto.createHash('sha256').update(`${tsVersion}\0${tsconfigText}\0${filename}\0${source}`).digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let code;
    try {
      code = fs.readFileSync(cached, 'utf8');
    } catch {
      code = transpile(source, filename);
      // Written under a temporary name, then renamed: two workers never see half a file.
      const temporary = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, code, { mode: 0o600 });
      fs.renameSync(temporary, cached);
    }
    module._compile(code, filename);
  };

  function transpile(source, filename) {
    const compiler = compilerOptions();
    return typescript.transpileModule(source, { compilerOptions: compiler, fileName: filename, reportDiagnostics: false }).outputText;
  }
}

module.exports = { compiledDirectory, registerTypeScript };
