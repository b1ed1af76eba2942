#!/usr/bin/env node
// `npm run typecheck`: type-checks every project the top-level tsconfig.json references, each
// with its own settings (the admin is DOM and bundler-resolved, the rest Node and CommonJS).
// `tsc -b` cannot do it: it requires `composite` projects, which emit declarations, and the
// playground's and bench's outputs are plain JavaScript that Strapi and node run.
const { spawnSync } = require('child_process');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
if (error) {
  throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
}

const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const failed = config.references
  .map(({ path: project }) => {
    console.log(`tsc -p ${project} --noEmit`);
    const { status } = spawnSync(tsc, ['-p', project, '--noEmit'], {
      cwd: root,
      stdio: 'inherit',
    });
    return status === 0 ? null : project;
  })
  .filter(Boolean);

if (failed.length > 0) {
  console.error(`typecheck: ${failed.join(', ')} did not pass`);
  process.exit(1);
}
