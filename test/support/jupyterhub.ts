/**
 * A JupyterHub on loopback for tests: Debian's `jupyterhub` (JupyterHub 3 with
 * configurable-http-proxy), the DummyAuthenticator, a local-process spawner, and an admin
 * service token to drive it through the hub's REST API. Code runs in the students' kernels
 * through each single-user server's REST API and kernel websocket, as the browser would.
 *
 *   const hub = await startHub({ dir, spawner: 'localprocess', environment: { JUPYTER_PATH: shared } });
 *   await hub.startServer('alice');
 *   const kernel = await hub.openKernel('alice', 'course/notebooks/00-setup.ipynb', 'annlab');
 *   const out = await kernel.execute("console.log('hi')");
 *   kernel.close(); await hub.stop();
 */
import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { openWebSocket, WebSocketClient } from './websocket';

/** Where Debian installs the hub. */
export const JUPYTERHUB = '/usr/bin/jupyterhub';

/** A free TCP port on 127.0.0.1 (free now; the hub takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The spawners: real Unix users (needs root), or every student as the hub's own user. */
export type SpawnerKind = 'localprocess' | 'simple';

export interface HubOptions {
  /** A folder of the hub's own (config, database, log). */
  dir: string;
  spawner: SpawnerKind;
  /** For 'simple': the students' homes, with {username}. */
  homeTemplate?: string;
  /** Environment of every single-user server (and so of every kernel). */
  environment?: Record<string, string>;
  /** Seconds a server may take to start. @default 120 */
  startTimeout?: number;
}

/** What one cell printed: stdout (with text/plain results), stderr, and the errors raised. */
export interface Execution {
  stdout: string;
  stderr: string;
  errors: string[];
}

export interface HubKernel {
  execute(code: string, timeoutMs?: number): Promise<Execution>;
  close(): void;
}

export interface Hub {
  url: string;
  token: string;
  /** The hub's log so far (for a failing test's message). */
  log(): string;
  api(method: string, route: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** Creates the user if needed and starts their server; resolves when it is ready. */
  startServer(user: string): Promise<void>;
  /** Starts a session (a kernel in the notebook's folder) on the user's server and connects to it. */
  openKernel(user: string, notebookPath: string, kernelName: string): Promise<HubKernel>;
  /** Stops the servers, the proxy and the hub; kills what is left, by process id. */
  stop(): Promise<void>;
}

function configText(o: HubOptions, ports: { hub: number; internal: number; proxyApi: number }, token: string): string {
  const py = (v: unknown) => JSON.stringify(v);
  const lines = [
    `c.JupyterHub.ip = '127.0.0.1'`,
    `c.JupyterHub.port = ${ports.hub}`,
    `c.JupyterHub.hub_ip = '127.0.0.1'`,
    `c.JupyterHub.hub_port = ${ports.internal}`,
    `c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:${ports.proxyApi}'`,
    `c.ConfigurableHTTPProxy.pid_file = ${py(path.join(o.dir, 'proxy.pid'))}`,
    `c.JupyterHub.db_url = ${py('sqlite:///' + path.join(o.dir, 'jupyterhub.sqlite'))}`,
    `c.JupyterHub.cookie_secret_file = ${py(path.join(o.dir, 'cookie_secret'))}`,
    `c.JupyterHub.authenticator_class = 'dummy'`,
    `c.JupyterHub.spawner_class = ${py(o.spawner)}`,
    `c.JupyterHub.services = [{'name': 'class-test', 'api_token': ${py(token)}}]`,
    `c.JupyterHub.load_roles = [{'name': 'admin', 'services': ['class-test']}]`,
    `c.Spawner.ip = '127.0.0.1'`,
    `c.Spawner.cmd = ['jupyterhub-singleuser']`,
    `c.Spawner.default_url = '/tree'`,
    `c.Spawner.notebook_dir = '~'`,
    `c.Spawner.start_timeout = ${o.startTimeout ?? 120}`,
    `c.Spawner.http_timeout = ${o.startTimeout ?? 120}`,
    `c.Spawner.environment = ${py(o.environment ?? {})}`,
  ];
  if (o.homeTemplate) lines.push(`c.SimpleLocalProcessSpawner.home_dir_template = ${py(o.homeTemplate)}`);
  return lines.join('\n') + '\n';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the hub and resolves once its REST API answers. */
export async function startHub(o: HubOptions): Promise<Hub> {
  const ports = { hub: await freePort(), internal: await freePort(), proxyApi: await freePort() };
  const token = crypto.randomBytes(24).toString('hex');
  const config = path.join(o.dir, 'jupyterhub_config.py');
  fs.writeFileSync(config, configText(o, ports, token));
  const url = `http://127.0.0.1:${ports.hub}`;
  let logText = '';
  // Debian's configurable-http-proxy needs Debian's Node modules folder, which a Node not
  // built by Debian (NodeSource's, nvm's) does not search.
  const nodePath = [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(path.delimiter);
  const child: ChildProcess = spawn(JUPYTERHUB, ['-f', config], {
    cwd: o.dir,
    env: { ...process.env, NODE_PATH: nodePath },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d) => (logText += d));
  child.stderr?.on('data', (d) => (logText += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const serverPids = new Set<number>();

  const api = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}/hub/api${route}`, {
      method,
      headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  };

  const waitFor = async (what: string, ms: number, ready: () => Promise<boolean>) => {
    const until = Date.now() + ms;
    for (;;) {
      if (exited) throw new Error(`the hub exited while waiting for ${what}:\n${logText.slice(-4000)}`);
      try {
        if (await ready()) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${logText.slice(-4000)}`);
      await sleep(500);
    }
  };

  const stop = async () => {
    if (!exited) {
      await api('POST', '/shutdown', { servers: true, proxy: true }).catch(() => undefined);
      const until = Date.now() + 30_000;
      while (!exited && Date.now() < until) await sleep(250);
    }
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const proxyPid = Number(fs.existsSync(path.join(o.dir, 'proxy.pid')) ? fs.readFileSync(path.join(o.dir, 'proxy.pid'), 'utf8') : 0);
    const ours = [...serverPids, ...(proxyPid ? [proxyPid] : [])];
    if (!exited && child.pid) ours.push(-child.pid); // the hub's process group
    for (const pid of ours) if (alive(Math.abs(pid))) process.kill(pid, 'SIGKILL');
  };

  await waitFor('the hub API', 90_000, async () => (await api('GET', '/')).status === 200);

  const startServer = async (user: string) => {
    const created = await api('POST', `/users/${user}`);
    if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${user}: ${created.status} ${JSON.stringify(created.json)}`);
    const started = await api('POST', `/users/${user}/server`);
    if (![201, 202, 400].includes(started.status)) throw new Error(`starting ${user}'s server: ${started.status} ${JSON.stringify(started.json)}`);
    await waitFor(`${user}'s server`, (o.startTimeout ?? 120) * 1000, async () => {
      const model = (await api('GET', `/users/${user}`)).json;
      const server = model?.servers?.[''];
      if (server?.state?.pid) serverPids.add(server.state.pid);
      return Boolean(server?.ready);
    });
  };

  const openKernel = async (user: string, notebookPath: string, kernelName: string): Promise<HubKernel> => {
    const base = `${url}/user/${user}/api`;
    const headers = { Authorization: `token ${token}`, 'Content-Type': 'application/json' };
    const res = await fetch(`${base}/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ path: notebookPath, name: path.basename(notebookPath), type: 'notebook', kernel: { name: kernelName } }),
    });
    if (res.status !== 201) throw new Error(`starting a ${kernelName} session for ${user}: ${res.status} ${await res.text()}`);
    const session = (await res.json()) as { kernel: { id: string } };
    const clientSession = crypto.randomUUID();
    const ws = await openWebSocket(
      `${base.replace(/^http/, 'ws')}/kernels/${session.kernel.id}/channels?session_id=${clientSession}`,
      { Authorization: `token ${token}` },
    );
    return kernelClient(ws, clientSession);
  };

  return { url, token, log: () => logText, api, startServer, openKernel, stop };
}

/** Sends execute requests over a kernel's websocket and gathers what each cell produced. */
function kernelClient(ws: WebSocketClient, session: string): HubKernel {
  const pending = new Map<string, (msg: any) => void>();
  let closedReason: string | undefined;
  ws.onText((text) => {
    const msg = JSON.parse(text);
    pending.get(msg.parent_header?.msg_id)?.(msg);
  });
  ws.onClose((reason) => {
    closedReason = reason;
    for (const listener of pending.values()) listener({ closed: reason });
  });
  const execute = (code: string, timeoutMs = 120_000) =>
    new Promise<Execution>((resolve, reject) => {
      if (closedReason) return reject(new Error(`kernel connection closed: ${closedReason}`));
      const id = crypto.randomUUID();
      const out: Execution = { stdout: '', stderr: '', errors: [] };
      let idle = false;
      let replied = false;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer in ${timeoutMs} ms to: ${code.slice(0, 80)}\nso far: ${JSON.stringify(out)}`));
      }, timeoutMs);
      pending.set(id, (msg) => {
        if (msg.closed) {
          clearTimeout(timer);
          reject(new Error(`kernel connection closed: ${msg.closed}`));
          return;
        }
        const type = msg.header?.msg_type;
        if (type === 'stream') out[msg.content.name === 'stderr' ? 'stderr' : 'stdout'] += msg.content.text;
        else if ((type === 'execute_result' || type === 'display_data') && msg.content.data?.['text/plain']) out.stdout += msg.content.data['text/plain'] + '\n';
        else if (type === 'error') out.errors.push(`${msg.content.ename}: ${msg.content.evalue}`);
        else if (type === 'execute_reply') replied = true;
        else if (type === 'status' && msg.content.execution_state === 'idle') idle = true;
        if (idle && replied) {
          clearTimeout(timer);
          pending.delete(id);
          resolve(out);
        }
      });
      ws.send(
        JSON.stringify({
          header: { msg_id: id, username: 'test', session, msg_type: 'execute_request', version: '5.3', date: new Date().toISOString() },
          parent_header: {},
          metadata: {},
          content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
          channel: 'shell',
          buffers: [],
        }),
      );
    });
  return { execute, close: () => ws.close() };
}
