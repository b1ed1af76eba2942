#!/usr/bin/env node
'use strict';

/**
 * The README's "Install in your Strapi app" section, read step by step for .ci/fresh-app.sh, so
 * that CI follows what a newsroom reads rather than a copy of it that could drift:
 *
 *   readme.js install-command        the `npm install …` line
 *   readme.js add-entry <plugins.ts> adds the section's config/plugins.ts entry to an app's file
 *   readme.js key-command            the command that appends the encryption key to .env
 *   readme.js build-command          the build-and-start line
 *   readme.js public-actions         the Content API actions the section says to grant, one a line
 */
const fs = require('fs');
const path = require('path');

const HEADING = '## Install in your Strapi app';

const section = () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) {
    throw new Error(`README.md has no "${HEADING}" section`);
  }
  const rest = readme.slice(start + HEADING.length + 2);
  // The steps end where the next heading ("### Configuration") begins.
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
};

const blocks = (language) =>
  [...section().matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    ([, code]) => code.trim()
  );

const nth = (language, index, what) => {
  const block = blocks(language)[index];
  if (!block) {
    throw new Error(`README install section: no ${what} (${language} block ${index + 1})`);
  }
  return block;
};

// A new app's config/plugins.ts returns its plugins' object from an arrow function,
// `({ env }) => ({ … })`: the entry goes first inside it, before the plugins already there.
const addEntry = (file) => {
  const source = fs.readFileSync(file, 'utf8');
  const opening = source.match(/=>\s*\(\{\n/);
  if (!opening) {
    throw new Error(`${file}: no "=> ({" to add the plugin's entry to`);
  }
  const entry = nth('ts', 0, 'config/plugins.ts entry')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  const at = opening.index + opening[0].length;
  fs.writeFileSync(file, `${source.slice(0, at)}${entry}\n${source.slice(at)}`);
};

const [command, argument] = process.argv.slice(2);
const commands = {
  'install-command': () => console.log(nth('sh', 0, 'install command')),
  'add-entry': () => addEntry(argument),
  'key-command': () => console.log(nth('sh', 1, 'encryption key command')),
  'build-command': () => console.log(nth('sh', 2, 'build command')),
  'public-actions': () =>
    console.log(
      [...new Set(section().match(/plugin::intelligence-stories\.[\w-]+\.\w+/g) ?? [])].join('\n')
    ),
};
if (!commands[command]) {
  console.error(`usage: readme.js ${Object.keys(commands).join('|')} [file]`);
  process.exit(2);
}
commands[command]();
