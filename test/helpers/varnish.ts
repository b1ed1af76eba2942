import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

import { REPO_ROOT } from './paths';

export const SHIPPED_VCL = path.join(REPO_ROOT, 'docs', 'deploy', 'varnish.vcl');

/** varnishd's path, looked for where Debian installs it even when sbin is not on PATH. */
export const findVarnishd = (): string | null => {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'varnishd');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
};

/**
 * The shipped VCL with only its backend's address changed: the file under test is the one a
 * newsroom deploys. Fails if the backend block is not where the test expects it.
 */
export const vclWithBackend = (host: string, port: number, vclPath = SHIPPED_VCL) => {
  const shipped = fs.readFileSync(vclPath, 'utf8');
  const backend = /backend strapi \{[^}]*\}/;
  const block = shipped.match(backend)?.[0];
  if (!block || !/\.host = "[^"]*";/.test(block) || !/\.port = "\d+";/.test(block)) {
    throw new Error(`${vclPath}: no "backend strapi" block with .host and .port`);
  }
  return shipped.replace(
    backend,
    block
      .replace(/\.host = "[^"]*";/, `.host = "${host}";`)
      .replace(/\.port = "\d+";/, `.port = "${port}";`)
  );
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export type Varnish = { url: string; stop(): Promise<void> };

/**
 * Starts varnishd in the foreground with the shipped VCL in front of `backend`, and resolves once
 * it answers HTTP. Its work directory is a temporary one, so it shares nothing with a system
 * Varnish.
 */
export const startVarnish = async (
  varnishd: string,
  backend: { host: string; port: number },
  // The bench (bench/varnish.ts) runs from bench/dist, where REPO_ROOT is not the repository's.
  vclPath = SHIPPED_VCL
): Promise<Varnish> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-stories-varnish-'));
  // Run as root, varnishd drops to its own users, which must reach the work directory.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, 'varnish.vcl');
  fs.writeFileSync(vcl, vclWithBackend(backend.host, backend.port, vclPath));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  let output = '';
  const child: ChildProcess = spawn(
    varnishd,
    ['-F', '-a', `127.0.0.1:${port}`, '-f', vcl, '-n', path.join(dir, 'work'), '-s', 'malloc,64m'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forceKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forceKill);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`varnishd exited before answering:\n${output}`);
    }
    try {
      await fetch(`${url}/varnish-test-ready`, { signal: AbortSignal.timeout(1000) });
      return { url, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`varnishd did not answer on ${url} within 30 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};
