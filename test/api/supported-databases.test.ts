import { fork } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { generateSecrets } from '../../playground/scripts/prepare-env';
import { PLAYGROUND_DIST } from '../helpers/paths';

const RUNNER = path.join(__dirname, '..', 'helpers', 'instance-runner.js');

/**
 * The playground compiled with a MySQL/MariaDB database config (the MariaDB these machines run),
 * and, as this repository installs no MySQL driver, a stand-in `mysql2` on NODE_PATH that records
 * any attempt to connect and fails it. An app with the real driver boots the same way up to the
 * plugin's register(): Strapi opens no connection before bootstrap.
 */
const mysqlApp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-stories-mysql-'));
  const distDir = path.join(dir, 'dist');
  fs.mkdirSync(path.join(distDir, 'config'), { recursive: true });
  fs.symlinkSync(path.join(PLAYGROUND_DIST, 'src'), path.join(distDir, 'src'), 'dir');
  for (const file of fs.readdirSync(path.join(PLAYGROUND_DIST, 'config'))) {
    if (file.endsWith('.js') && file !== 'database.js') {
      const original = JSON.stringify(path.join(PLAYGROUND_DIST, 'config', file));
      fs.writeFileSync(
        path.join(distDir, 'config', file),
        `module.exports = require(${original});`
      );
    }
  }
  fs.writeFileSync(
    path.join(distDir, 'config', 'database.js'),
    `module.exports = () => ({ connection: { client: 'mysql', connection: { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' } } });`
  );
  const connectAttempts = path.join(dir, 'connect-attempts');
  const driver = path.join(dir, 'node_modules', 'mysql2');
  fs.mkdirSync(driver, { recursive: true });
  fs.writeFileSync(
    path.join(driver, 'index.js'),
    `const fs = require('fs');
const refuse = () => {
  fs.appendFileSync(${JSON.stringify(connectAttempts)}, 'connect\\n');
  throw new Error('the stand-in mysql2 driver does not connect');
};
module.exports = { createConnection: refuse, createPool: refuse };`
  );
  return { dir, distDir, nodePath: path.join(dir, 'node_modules'), connectAttempts };
};

/** Boots the app in a child process; resolves with how it ended and what it wrote. */
const boot = (env: Record<string, string>) =>
  new Promise<{ booted: boolean; code: number | null; output: string }>((resolve) => {
    const child = fork(RUNNER, [], {
      env: { ...process.env, ...generateSecrets(), STRAPI_LOG_LEVEL: 'error', ...env },
      silent: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('message', () => {
      child.kill('SIGTERM');
      resolve({ booted: true, code: null, output });
    });
    child.once('exit', (code) => resolve({ booted: false, code, output }));
  });

describe('supported databases', () => {
  it('refuses to boot on MySQL or MariaDB, saying why, before connecting to it', async () => {
    const app = mysqlApp();
    try {
      const result = await boot({
        INSTANCE_DIST_DIR: app.distDir,
        NODE_PATH: app.nodePath,
        PLAYGROUND_SEED: 'false',
      });
      expect(result.booted).toBe(false);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(
        'intelligence-stories: this app\'s database client is "mysql" (MySQL or MariaDB), which the plugin does not support. It supports SQLite ("sqlite") and PostgreSQL ("postgres")'
      );
      expect(result.output).not.toContain('the stand-in mysql2 driver does not connect');
      expect(fs.existsSync(app.connectAttempts)).toBe(false);
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
