import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyCourse, markCopy } from '../support/course-copy';
import { Hub, HubKernel, JUPYTERHUB, startHub } from '../support/jupyterhub';
import { PROJECT_ROOT, codeCells, isCI, joinText, Notebook } from '../support/jupyter';

// A class on JupyterHub: Debian's JupyterHub 3 on loopback, DummyAuthenticator, a local-process
// spawner, the annlab kernel installed once for every user (a shared Jupyter data folder on
// every server's JUPYTER_PATH, as `node kernel/install.js --system` gives on a real machine),
// and two students, each with a copy of the course in their home. Each starts a server through
// the hub's API, runs 00-setup and check() in the annlab kernel through the server's kernel
// websocket, and sees their own work: their own copy, their own exercises, their own score.
// As root the students are real Unix users (created here, removed afterwards); otherwise every
// student runs as this user with a home of their own (SimpleLocalProcessSpawner).

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** The course's first exercise (the notebooks' order): one student solves it, the other does not. */
const FIRST = Object.keys((JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'grading', 'manifest.json'), 'utf8')) as { exercises: Record<string, unknown> }).exercises)[0];

function hubMissing(): string | undefined {
  if (process.platform !== 'linux') return `JupyterHub's local-process spawner is tested on Linux only (this is ${process.platform})`;
  if (!fs.existsSync(JUPYTERHUB)) return `${JUPYTERHUB} is missing (sudo apt install jupyterhub)`;
  return undefined;
}

const missing = hubMissing();
if (missing && !isCI()) console.warn(`Skipping the JupyterHub class test: ${missing}.`);
const hubIt = missing && !isCI() ? it.skip : it;

interface Student {
  name: string;
  home: string;
  course: string;
  /** Student 1 has solved the TLU exercise; student 2 has not started. */
  solved: boolean;
}

function removeUser(name: string) {
  spawnSync('userdel', ['--remove', name], { stdio: 'ignore' });
}

describe('a class on JupyterHub (real hub, two students, the annlab kernel installed once)', () => {
  let tmp: string;
  let hub: Hub | undefined;
  const students: Student[] = [];
  const kernels: HubKernel[] = [];

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-hub-'));
    fs.chmodSync(tmp, 0o755); // the students read the shared kernel from here
  });

  afterAll(async () => {
    for (const k of kernels) k.close();
    if (hub) await hub.stop();
    if (isRoot) for (const s of students) removeUser(s.name);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 90_000);

  hubIt(
    'each student starts a server, runs 00-setup and check() in the annlab kernel, and sees their own work',
    async () => {
      if (missing) throw new Error(`CI is set, so the JupyterHub class must run, but ${missing}; .ci/run installs it.`);
      // The kernel, once for everybody.
      const shared = path.join(tmp, 'share', 'jupyter');
      execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'kernel', 'install.js'), '--dir', shared], { stdio: 'pipe' });
      for (const d of [path.join(tmp, 'share'), shared, path.join(shared, 'kernels')]) fs.chmodSync(d, 0o755);

      // Two students, each with their own copy of the course.
      for (const [i, solved] of [true, false].entries()) {
        const name = isRoot ? `annlab-student-${i + 1}` : `student-${i + 1}`;
        let home = path.join(tmp, 'homes', name);
        if (isRoot) {
          removeUser(name); // left over from an interrupted run
          execFileSync('useradd', ['--create-home', '--shell', '/bin/sh', name], { stdio: 'pipe' });
          home = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':')[5];
        }
        const course = copyCourse(path.join(home, 'course'));
        markCopy(course, name);
        if (solved) fs.copyFileSync(path.join(PROJECT_ROOT, 'solutions', `${FIRST}.ts`), path.join(course, 'exercises', `${FIRST}.ts`));
        // -h: the node_modules link itself, never the shared folder it points to.
        if (isRoot) execFileSync('chown', ['-R', '-h', `${name}:`, course], { stdio: 'pipe' });
        students.push({ name, home, course, solved });
      }

      fs.mkdirSync(path.join(tmp, 'hub'));
      hub = await startHub({
        dir: path.join(tmp, 'hub'),
        spawner: isRoot ? 'localprocess' : 'simple',
        homeTemplate: isRoot ? undefined : path.join(tmp, 'homes', '{username}'),
        environment: { JUPYTER_PATH: shared },
      });
      const started = hub;

      const setup = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'notebooks', '00-setup.ipynb'), 'utf8')) as Notebook;
      const runClass = async (s: Student) => {
        await started.startServer(s.name);
        const kernel = await started.openKernel(s.name, 'course/notebooks/00-setup.ipynb', 'annlab');
        kernels.push(kernel);
        const setupOut = [];
        for (const cell of codeCells(setup)) setupOut.push(await kernel.execute(joinText(cell.source)));
        const who = await kernel.execute(
          "import { whoami } from './exercises/whoami';\nconsole.log(whoami, process.cwd(), require('os').userInfo().username);",
        );
        const checked = await kernel.execute(`import { check } from './src';\nconst result = await check('${FIRST}', { print: false });\nconsole.log(\`\${result.score} of \${result.maxScore}\`);`);
        return { setupOut, who, checked };
      };
      const results = await Promise.all(students.map(runClass));

      students.forEach((s, i) => {
        const { setupOut, who, checked } = results[i];
        for (const out of [...setupOut, who, checked]) expect({ errors: out.errors, stderr: out.stderr }).toEqual({ errors: [], stderr: '' });
        expect(setupOut[0].stdout).toMatch(/^annlab \d+\.\d+\.\d+/);
        expect(setupOut[1].stdout).toContain('19');
        const user = isRoot ? s.name : os.userInfo().username;
        expect(who.stdout).toBe(`${s.name} ${s.course} ${user}\n`);
        const [score, max] = checked.stdout.trim().split(' of ').map(Number);
        expect(max).toBeGreaterThan(0);
        if (s.solved) expect(score).toBe(max);
        else expect(score).toBe(0);
      });
    },
    // About 3 min at a load of 20 on 2 cores (two servers, two kernels, two check() runs).
    600_000,
  );
});
