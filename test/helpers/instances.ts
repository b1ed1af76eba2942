import { fork, type ChildProcess } from 'child_process';
import path from 'path';

export type Instance = {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  /** Waits for a clean shutdown (SIGTERM). */
  stop(): Promise<void>;
  /** The fault: the process dies at once, mid-request, with no chance to clean up. */
  kill(): Promise<void>;
};

const RUNNER = path.join(__dirname, 'instance-runner.js');
const BOOT_TIMEOUT_MS = 90_000;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve())
  );

/** Starts the playground in a child process with `env` (database, secrets) and waits for it. */
export const startInstance = (name: string, env: Record<string, string>): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const child = fork(RUNNER, [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${name} did not start within ${BOOT_TIMEOUT_MS} ms`));
    }, BOOT_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited during boot with code ${code}`));
    });
    child.once('message', (message: { ready?: boolean; port?: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        name,
        baseUrl: `http://127.0.0.1:${message.port}`,
        child,
        async stop() {
          child.kill('SIGTERM');
          await exited(child);
        },
        async kill() {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    });
  });
