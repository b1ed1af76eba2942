import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { PLAYGROUND_DIR, REPO_ROOT } from './helpers/paths';

// What the plugin's build reads, and what it writes (the entries the playground loads).
const PLUGIN_SOURCES = [
  'server',
  'admin',
  'shared',
  'strapi-server.ts',
  'strapi-admin.ts',
  'package.json',
  'tsconfig.json',
];
const PLUGIN_OUTPUTS = ['dist/server/index.js', 'dist/admin/index.js'];

const newestMtime = (entry: string): number => {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) {
    return 0;
  }
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return fs
    .readdirSync(entry)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
};

/** Whether dist/ was built after the last change to anything the build reads. */
const pluginBuildIsFresh = () => {
  const built = PLUGIN_OUTPUTS.map((file) =>
    fs.statSync(path.join(REPO_ROOT, file), { throwIfNoEntry: false })
  );
  if (built.some((stat) => !stat)) {
    return false;
  }
  const oldestOutput = Math.min(...built.map((stat) => stat!.mtimeMs));
  return PLUGIN_SOURCES.every((source) => newestMtime(path.join(REPO_ROOT, source)) < oldestOutput);
};

/**
 * The suite runs the plugin as a newsroom would install it (its built `dist/`) inside the
 * playground app (compiled to `playground/dist`), so both are built before any test file. The
 * plugin's build takes a minute or more and CI has just run it (then runs the suite three times):
 * it is skipped when dist/ is newer than every file it is built from. The playground's compile is
 * seconds and always runs.
 */
export default async function globalSetup() {
  const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
  if (!pluginBuildIsFresh()) {
    execFileSync(bin('strapi-plugin'), ['build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  execFileSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: PLAYGROUND_DIR, stdio: 'inherit' });
}
