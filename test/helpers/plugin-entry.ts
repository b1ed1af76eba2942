import fs from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';

import { PLAYGROUND_DIST, REPO_ROOT } from './paths';

type PluginEntry = { enabled?: boolean; config?: Record<string, unknown> };

/**
 * The code blocks of one section of a Markdown file of the repository (README.md, docs/*.md), in
 * order: what a reader copies from it. A section runs from its heading to the next heading of the
 * same or a higher level.
 */
export const markdownCodeBlocks = (file: string, heading: string, language: string) => {
  const markdown = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) {
    throw new Error(`${file} has no "${heading}" section`);
  }
  const level = heading.split(' ')[0];
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    ([, code]) => code
  );
};

/** A documented snippet that is one `config/plugins.ts` entry, read as the object it writes. */
export const parsePluginEntry = (snippet: string): Record<string, PluginEntry> =>
  vm.runInNewContext(`({\n${snippet}\n})`) as Record<string, PluginEntry>;

/**
 * A compiled playground whose `config/plugins.js` gives the plugin's entry as a newsroom would
 * write it, for `bootStrapi({ distDir })`: Strapi reads the file itself and completes it with the
 * plugin's defaults, so a test sees what an app sees. The rest of the playground is reused.
 */
export const playgroundWithPluginEntry = (entry: PluginEntry) => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-stories-dist-'));
  fs.symlinkSync(path.join(PLAYGROUND_DIST, 'src'), path.join(distDir, 'src'), 'dir');
  fs.mkdirSync(path.join(distDir, 'config'));
  for (const file of fs.readdirSync(path.join(PLAYGROUND_DIST, 'config'))) {
    if (!file.endsWith('.js')) {
      continue;
    }
    // Required from where they are, so the paths they compute from __dirname still hold.
    const original = JSON.stringify(path.join(PLAYGROUND_DIST, 'config', file));
    const body =
      file === 'plugins.js'
        ? `const playground = require(${original}).default;
module.exports = (context) => {
  const plugins = playground(context);
  const resolve = plugins['intelligence-stories'].resolve;
  return { ...plugins, 'intelligence-stories': { ...${JSON.stringify(entry)}, resolve } };
};`
        : `module.exports = require(${original});`;
    fs.writeFileSync(path.join(distDir, 'config', file), body);
  }
  return {
    distDir,
    remove: () => fs.rmSync(distDir, { recursive: true, force: true }),
  };
};
