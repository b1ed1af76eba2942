'use strict';

/**
 * `npm run rotate-encryption-key`: re-encrypts every confidential source under the first key of
 * INTELLIGENCE_STORIES_ENCRYPTION_KEY, each value bound to its source (v1 envelopes, bound to their
 * field only, are rewritten too: run it once after upgrading). To rotate: put the new key first and keep the old one after
 * it (`new:<key>,old:<key>`), run this, then remove the old key.
 */
const { runWithStrapi } = require('./with-strapi');

runWithStrapi(async (app) => {
  const result = await app
    .plugin('intelligence-stories')
    .service('confidential-sources')
    .reencryptAll();
  console.log(
    `intelligence-stories: ${result.updated} of ${result.sources} confidential source(s) re-encrypted (${result.values} value(s)); every value is now under key "${result.keyId}", bound to its source. The older keys can be removed.`
  );
});
