import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { REPO_ROOT } from '../helpers/paths';

/**
 * What a newsroom gets from npm: `npm pack --dry-run` on the package as global setup built it,
 * the same list `npm publish` would upload.
 */
type PackReport = Array<{ files: Array<{ path: string }> }>;

const packed = () => {
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
  ) as PackReport;
  return report.files.map(({ path: file }) => file).sort();
};

describe('the published package', () => {
  let files: string[];
  let manifest: Record<string, unknown> & {
    exports: Record<string, string | Record<string, string>>;
    bin: Record<string, string>;
  };

  beforeAll(() => {
    files = packed();
    manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  });

  it('holds the built plugin, its command, the README, the licence and package.json only', () => {
    const outsideDist = files.filter((file) => !file.startsWith('dist/'));
    expect(outsideDist).toEqual(
      ['LICENSE', 'README.md', 'bin/rotate-encryption-key.js', 'package.json'].sort()
    );
    expect(files).toEqual(expect.arrayContaining(['dist/server/index.js', 'dist/admin/index.mjs']));
    // Declarations of tests (the admin's *.test.tsx) or fixtures must not leak into dist.
    expect(files.filter((file) => /\.test\.|test\/|fixtures|playground|bench/.test(file))).toEqual(
      []
    );
  });

  it('is built from the top-level entry points, and has every file its exports and bin name', () => {
    expect(manifest.exports['./strapi-server']).toMatchObject({ source: './strapi-server.ts' });
    expect(manifest.exports['./strapi-admin']).toMatchObject({ source: './strapi-admin.ts' });
    const targets = [
      ...Object.values(manifest.exports).flatMap((target) =>
        typeof target === 'string'
          ? [target]
          : Object.entries(target)
              // `source` is the TypeScript entry the build reads; it is not shipped.
              .filter(([condition]) => condition !== 'source')
              .map(([, file]) => file)
      ),
      ...Object.values(manifest.bin),
    ].map((target) => path.posix.normalize(target));
    expect(files).toEqual(expect.arrayContaining(targets));
  });

  it('README links only to packed files or to absolute URLs', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target)
      .filter((target) => !/^(https?:|#|mailto:)/.test(target))
      .map((target) => path.posix.normalize(target.split('#')[0]));
    expect(relative.length).toBeGreaterThan(0);
    expect(relative.filter((target) => !files.includes(target))).toEqual([]);
  });

  it('asks an app for no build tool: @strapi/sdk-plugin is a devDependency only', () => {
    expect(manifest.peerDependencies).not.toHaveProperty('@strapi/sdk-plugin');
    expect(manifest.dependencies).not.toHaveProperty('@strapi/sdk-plugin');
    expect(manifest.devDependencies).toHaveProperty('@strapi/sdk-plugin');
  });

  it('takes the app’s own copies of the packages Strapi brings, never a newer one beside them', () => {
    // A required peer is installed at the newest version in range when npm resolves a tree
    // afresh: a second @strapi/utils turned Strapi's 403s into 500s (instanceof across copies).
    const optional = Object.entries(
      (manifest.peerDependenciesMeta ?? {}) as Record<string, { optional?: boolean }>
    )
      .filter(([, meta]) => meta.optional === true)
      .map(([name]) => name);
    expect(optional.sort()).toEqual(
      ['@strapi/design-system', '@strapi/icons', '@strapi/utils', 'react-intl'].sort()
    );
  });
});
