'use strict';

/**
 * `npm run rotate-encryption-key`: re-encrypts every confidential source under the first key of
 * INTELLIGENCE_STORIES_ENCRYPTION_KEY. To rotate: put the new key first and keep the old one after
 * it (`new:<key>,old:<key>`), run this, then remove the old key.
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  process.env.PLAYGROUND_SEED = 'false';
  const app = await createStrapi(await compileStrapi()).load();
  try {
    const result = await app
      .plugin('intelligence-stories')
      .service('confidential-sources')
      .reencryptAll();
    console.log(
      `intelligence-stories: ${result.updated} of ${result.sources} confidential source(s) re-encrypted (${result.values} value(s)); every value is now under key "${result.keyId}". The older keys can be removed.`
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
