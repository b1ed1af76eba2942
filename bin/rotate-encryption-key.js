#!/usr/bin/env node
'use strict';

/**
 * `npx intelligence-stories-rotate-encryption-key`, run in a Strapi app's directory with the app
 * stopped: re-encrypts every confidential source under the first key of
 * INTELLIGENCE_STORIES_ENCRYPTION_KEY, each value bound to its source (v1 envelopes, bound to their
 * field only, are rewritten too: run it once after upgrading), so the keys after it can then be
 * removed. It loads the app as `strapi start` would (compiling a TypeScript app first) without
 * serving HTTP.
 */
const { createRequire } = require('module');
const path = require('path');

// The app's own Strapi, not one resolved from the plugin's folder: the plugin only peers on it.
const appRequire = createRequire(path.join(process.cwd(), 'package.json'));

const main = async () => {
  const { compileStrapi, createStrapi } = appRequire('@strapi/strapi');
  const app = await createStrapi(await compileStrapi()).load();
  try {
    const result = await app
      .plugin('intelligence-stories')
      .service('confidential-sources')
      .reencryptAll();
    console.log(
      `intelligence-stories: ${result.updated} of ${result.sources} confidential source(s) re-encrypted (${result.values} value(s)); every value is now under key "${result.keyId}", bound to its source. The older keys can be removed.`
    );
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
