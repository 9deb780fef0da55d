// The trust boundary: student code reaches the pure engine and its own exercise files, nothing
// else. Two layers are tested apart: the sandbox's own module loader (what an import may reach)
// and, beneath it, the operating system's and Node's limits on the child process (what the
// process may do even if the loader were bypassed).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { exercise, StudentCodeError, StudentModule } from '../support/sandbox';
import { childScript, detectIsolation, launchCommand, permissionFlags, sandboxUserCanEnter } from '../../grader/sandbox/launch';
import { engineBundle, exportedNames } from '../../grader/sandbox/engine-bundle';
import { transpileStudentFile } from '../../grader/sandbox/student-files';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'sandbox');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-boundary-test-'));
fs.copyFileSync(path.join(FIXTURES, 'library.ts.fixture'), path.join(dir, 'library.ts'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(m: StudentModule, fn: string): Promise<StudentCodeError> {
  try {
    const v = await m.call(fn);
    throw new Error(`expected ${fn}() to be refused, it returned ${JSON.stringify(v)}`);
  } catch (e) {
    if (!(e instanceof StudentCodeError)) throw e;
    return e;
  }
}

describe('student code gets the engine and nothing else of the course library', () => {
  const lib = exercise('library', { target: dir, timeoutMs: 5000 });
  afterAll(() => lib.close());

  it("imports the engine through '../src' and uses it (the perceptron learns AND)", async () => {
    expect(await lib.call('trainWithEngine')).toEqual([0, 0, 0, 1]);
  });

  it.each([
    ['loaderThroughIndex', /'loadIris' is not part of the engine/],
    ['savePlotThroughIndex', /'savePlot' is not part of the engine/],
    ['checkThroughIndex', /'check' is not part of the engine/],
  ])("%s: a name of src/io or the grader, reached through '../src', says it is out of reach", async (fn, message) => {
    expect((await failure(lib, fn)).message).toMatch(message);
  });

  it.each([
    ['ioModule', '../src/io/data-files'],
    ['ioIndex', '../src/io'],
    ['display', '../src/io/display/save'],
    ['graderModule', '../grader/supervise'],
    ['sandboxModule', '../grader/sandbox/sandbox'],
    ['nodeModulesPath', '../node_modules/typescript'],
    ['absolutePath', '/etc/passwd'],
    ['engineEscape', '../src/engine/../io/data-files'],
  ])('%s: importing %s is refused with a sentence', async (fn, spec) => {
    const e = await failure(lib, fn);
    expect(e.message).toContain(`not '${spec}'`);
    expect(e.message).toMatch(/may import only the course engine \('\.\.\/src'\) and other exercise files/);
  });

  it('refuses packages and every Node built-in, node: prefix included', async () => {
    expect((await failure(lib, 'packageModule')).message).toMatch(/not the package 'typescript'/);
    expect((await failure(lib, 'builtinThroughNodePrefix')).message).toMatch(/does not let exercises use Node's 'fs' module/);
  });

  it('learns nothing of the grader or other students: no arguments, environment or paths beyond its own empty folder', async () => {
    const me = await lib.call<{ argv: string[]; execArgv: string[]; env: Record<string, unknown>; cwd: string }>('whoAmI');
    expect(me.argv).toEqual(['node']);
    expect(me.execArgv).toEqual([]);
    expect(me.env).toEqual({});
    const seen = JSON.stringify(me);
    expect(seen).not.toContain(dir); // the folder of the files it was given
    expect(seen).not.toContain(ROOT); // the project, its tests and solutions
    expect(fs.readdirSync(me.cwd)).toEqual([]);
  });
});

describe('the engine bundle the child receives', () => {
  const bundle = engineBundle(ROOT);

  it('holds every engine module and no file from outside src/engine', () => {
    const engineFiles = (function list(d: string): string[] {
      return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
    })(path.join(ROOT, 'src', 'engine'));
    expect(Object.keys(bundle.modules).sort()).toEqual(engineFiles.map((f) => path.relative(path.join(ROOT, 'src', 'engine'), f).split(path.sep).join('/').replace(/\.ts$/, '')).sort());
  });

  it('knows the names of src/io and check(), so that their absence can be explained', () => {
    expect(bundle.ioNames).toEqual(expect.arrayContaining(['loadIris', 'savePlot', 'show', 'check']));
    expect(bundle.ioNames).not.toContain('Perceptron');
  });

  it('is cached where only the grader\'s user may read', () => {
    const cache = path.join(ROOT, 'node_modules', '.cache', 'annlab-sandbox');
    expect(fs.statSync(cache).mode & 0o077).toBe(0);
  });

  it('exportedNames reads declarations and export lists', () => {
    expect(exportedNames('export function a() {}\nexport class B {}\nexport const c = 1;\nexport { d, e as f } from "./x";\nexport async function g() {}')).toEqual(['a', 'B', 'c', 'g', 'd', 'f']);
  });
});

describe('a pathological source file costs only itself', () => {
  it('nesting deep enough to overflow the compiler is a compile error with a sentence, not a crash', () => {
    const bomb = `export const x = ${'['.repeat(200_000)}${']'.repeat(200_000)};\n`;
    const r = transpileStudentFile('bomb', bomb);
    expect('error' in r && r.error).toMatch(/bomb\.ts: the TypeScript compiler could not process this file .*nested thousands of levels deep/);
  });

  it('a syntax error names the file, line and column', () => {
    const r = transpileStudentFile('typo', 'export function f( {\n  return 1;\n}\n');
    expect('error' in r && r.error).toMatch(/^typo\.ts:\d+:\d+ - /);
  });
});

describe('beneath the loader: what the child process itself may do', () => {
  // The child's real launch line (permission model; on Linux also the address-space cap, the PID
  // namespace and, as root, the user nobody), running a script that skips the sandbox's loader
  // and tries everything directly.
  const secret = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-secret-'));
  fs.writeFileSync(path.join(secret, 'hidden.test.ts'), 'the hidden tests');
  afterAll(() => fs.rmSync(secret, { recursive: true, force: true }));

  function attack(): Record<string, string> {
    const script = path.join(path.dirname(childScript()), 'attack.js');
    fs.writeFileSync(
      script,
      `const out = {};
       const tryIt = (name, f) => { try { f(); out[name] = 'allowed'; } catch (e) { out[name] = e.code || e.message; } };
       tryIt('read hidden tests', () => require('fs').readFileSync(${JSON.stringify(path.join(secret, 'hidden.test.ts'))}));
       tryIt('read the project', () => require('fs').readdirSync(${JSON.stringify(ROOT)}));
       tryIt('read the compiled-test cache', () => require('fs').readdirSync(${JSON.stringify(path.join(ROOT, 'node_modules', '.cache'))}));
       tryIt('list /', () => require('fs').readdirSync('/'));
       tryIt('write', () => require('fs').writeFileSync('results.json', '{"score": 1000}'));
       tryIt('child process', () => require('child_process').spawnSync('/bin/sh', ['-c', 'true']));
       tryIt('worker', () => new (require('worker_threads').Worker)('0', { eval: true }));
       tryIt('report', () => process.report.writeReport('report.json'));
       tryIt('addon', () => process.dlopen({ exports: {} }, '/nonexistent.node'));
       process.stdout.write(JSON.stringify(out));`,
      { mode: 0o444 },
    );
    const { cmd, args } = launchCommand(detectIsolation(), { heapMb: 256, addressSpaceMb: 2048 }, script);
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-attack-cwd-'));
    fs.chmodSync(cwd, 0o777);
    try {
      const r = spawnSync(cmd, args, { cwd, env: {}, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as Record<string, string>;
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
      fs.rmSync(script, { force: true });
    }
  }

  it('can read no file but its own script, write nothing, start no process, worker or addon', () => {
    const out = attack();
    expect(Object.keys(out)).toHaveLength(9);
    for (const [what, outcome] of Object.entries(out)) expect([what, outcome]).toEqual([what, expect.not.stringMatching(/^allowed$/)]);
    expect(out['read hidden tests']).toBe('ERR_ACCESS_DENIED');
    expect(out['child process']).toBe('ERR_ACCESS_DENIED');
    expect(out['worker']).toBe('ERR_ACCESS_DENIED');
  });

  it('runs under the permission model with exactly one readable path', () => {
    const flags = permissionFlags('/x/child.js');
    expect(flags.filter((f) => f.startsWith('--allow-'))).toEqual(['--allow-fs-read=/x/child.js']);
    const { args } = launchCommand(detectIsolation(), { heapMb: 256, addressSpaceMb: 2048 }, '/x/child.js');
    expect(args).toEqual(expect.arrayContaining([...flags, '--disallow-code-generation-from-strings', '/x/child.js']));
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root && process.platform === 'linux' && process.env.ANNLAB_SANDBOX_ISOLATION !== 'none' ? it : it.skip)(
    'the cheap probes (sh instead of Node) agree with starting Node itself: in a PID namespace, as nobody, in a folder nobody may or may not enter',
    () => {
      const iso = detectIsolation();
      const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', cwd: '/', timeout: 30_000 }).status === 0;
      expect(Boolean(iso.unshare)).toBe(runs('/usr/bin/unshare', ['--pid', '--fork', '--kill-child', '--', process.execPath, '-e', '0']));
      const asNobody = (code: string) => runs('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '-e', code]);
      const canRead = `require('fs').accessSync(${JSON.stringify(childScript())}, require('fs').constants.R_OK)`;
      expect(Boolean(iso.dropTo)).toBe(asNobody(canRead));
      if (!iso.dropTo) return;
      const open = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-enter-'));
      const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-enter-'));
      try {
        fs.chmodSync(open, 0o755);
        fs.chmodSync(closed, 0o700);
        for (const dir of [open, closed]) expect([dir, sandboxUserCanEnter(dir)]).toEqual([dir, asNobody(`process.chdir(${JSON.stringify(dir)})`)]);
        expect([sandboxUserCanEnter(open), sandboxUserCanEnter(closed)]).toEqual([true, false]);
      } finally {
        fs.rmSync(open, { recursive: true, force: true });
        fs.rmSync(closed, { recursive: true, force: true });
      }
    },
  );
  (root && detectIsolation().dropTo ? it : it.skip)('as root, runs as the user nobody in its own PID namespace', () => {
    const iso = detectIsolation();
    const { args } = launchCommand(iso, { heapMb: 256, addressSpaceMb: 2048 }, '/x/child.js');
    expect(args).toEqual(expect.arrayContaining(['--reuid=65534', '--regid=65534']));
    if (iso.unshare) expect(args).toContain('--pid');
  });
});
