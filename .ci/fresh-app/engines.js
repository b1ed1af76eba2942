#!/usr/bin/env node
'use strict';

/**
 * Checks that nothing the plugin brings into an app asks for another Node.js than the one
 * running: the installed plugin's `engines`, then its dependencies' and theirs, as npm resolved
 * them in the app. Peer dependencies are the app's own packages, not the plugin's to answer for.
 *
 *   engines.js <app directory>
 */
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(process.argv[2]);
const semver = require(require.resolve('semver', { paths: [appDir] }));

// Where Node would find `name` from `fromDir`: the nearest node_modules above it that has it.
const locate = (name, fromDir) => {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      return candidate;
    }
    if (dir === path.dirname(dir)) {
      throw new Error(`${name} is not installed where ${fromDir} would find it`);
    }
  }
};

const seen = new Set();
const refusals = [];
const visit = (packageDir) => {
  if (seen.has(packageDir)) {
    return;
  }
  seen.add(packageDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const wanted = manifest.engines?.node;
  if (wanted && !semver.satisfies(process.version, wanted, { includePrerelease: true })) {
    refusals.push(`${manifest.name}@${manifest.version} wants node ${wanted}`);
  }
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    visit(locate(name, packageDir));
  }
};

visit(locate('strapi-plugin-intelligence-stories', appDir));
if (refusals.length > 0) {
  console.error(`On Node ${process.version}, the plugin brings: ${refusals.join('; ')}`);
  process.exit(1);
}
console.log(
  `engines: the plugin and its ${seen.size - 1} dependencies accept Node ${process.version}`
);
