import { fork, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { generateSecrets } from '../playground/scripts/prepare-env';
import type { CommandName, Commands, ReplyMessage } from './protocol';

/**
 * Forks bench/server.ts with the playground's environment and talks to it over IPC. The caller
 * owns the database (see run.ts): each server gets one fresh database of its own.
 */

export type ServerProcess = {
  pid: number;
  baseUrl: string;
  call<K extends CommandName>(
    command: K,
    args: Commands[K]['args']
  ): Promise<Commands[K]['result']>;
  /** Resident memory of the server process, as the OS sees it (bytes). */
  rss(): number;
  stop(): Promise<void>;
};

const BOOT_TIMEOUT_MS = 180_000;

const readRss = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : NaN;
};

export const startServer = async (env: Record<string, string>): Promise<ServerProcess> => {
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-bench-public-'));
  fs.mkdirSync(path.join(publicDir, 'uploads'));

  const child: ChildProcess = fork(path.join(__dirname, 'server.js'), [], {
    env: {
      ...process.env,
      ...generateSecrets(),
      ...env,
      STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
      STRAPI_TELEMETRY_DISABLED: 'true',
      PLAYGROUND_SEED: 'false',
      PUBLIC_DIR: publicDir,
      // The floor route (playground/src/api/bench-floor) exists for the bench only.
      BENCH_FLOOR: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // So the memory sample can also be taken after a full collection (see server.ts).
    execArgv: ['--expose-gc'],
  });

  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let exited: Error | null = null;

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the server did not start in time')),
      BOOT_TIMEOUT_MS
    );
    child.on('message', (message: ReplyMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message.port);
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) {
        waiting?.resolve(message.result);
      } else {
        waiting?.reject(new Error(`server: ${message.error}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      exited = new Error(`the server exited with code ${String(code)}`);
      reject(exited);
      for (const waiting of pending.values()) {
        waiting.reject(exited);
      }
      pending.clear();
    });
  });

  return {
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    call(command, args) {
      if (exited) {
        return Promise.reject(exited);
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args });
      });
    },
    rss: () => readRss(child.pid!),
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.disconnect();
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (!exited) {
          child.kill('SIGKILL');
        }
      }
      fs.rmSync(publicDir, { recursive: true, force: true });
    },
  };
};
