import { execFileSync } from 'child_process';
import path from 'path';

import { PLAYGROUND_DIR, REPO_ROOT } from './helpers/paths';

/**
 * The suite runs the plugin as a newsroom would install it (its built `dist/`) inside the
 * playground app (compiled to `playground/dist`), so both are built once before any test file.
 */
export default async function globalSetup() {
  const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
  execFileSync(bin('strapi-plugin'), ['build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: PLAYGROUND_DIR, stdio: 'inherit' });
}
