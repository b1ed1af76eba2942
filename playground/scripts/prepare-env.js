'use strict';

/**
 * Writes playground/.env with fresh secrets on first run, so a fresh clone starts without
 * anyone copying keys around and no secret is ever committed. An existing .env keeps its values;
 * only secrets it lacks are added.
 */
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const randomSecret = () => randomBytes(16).toString('base64');

// The plugin's key for confidential sources: `<id>:<base64 32-byte AES-256 key>`, newest first.
const encryptionKey = () => {
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
};

const generateSecrets = () => ({
  APP_KEYS: Array.from({ length: 4 }, randomSecret).join(','),
  API_TOKEN_SALT: randomSecret(),
  ADMIN_JWT_SECRET: randomSecret(),
  TRANSFER_TOKEN_SALT: randomSecret(),
  JWT_SECRET: randomSecret(),
  ENCRYPTION_KEY: randomSecret(),
  INTELLIGENCE_STORIES_ENCRYPTION_KEY: encryptionKey(),
  PLAYGROUND_ADMIN_EMAIL: 'editor@playground.local',
  // Strapi requires an upper-case letter and a digit; the random part keeps every clone unique.
  PLAYGROUND_ADMIN_PASSWORD: `Demo-${randomBytes(9).toString('base64url')}1A`,
});

// An .env written by an older playground lacks secrets added since: they are appended, never
// replaced (replacing the encryption key would make stored sources unreadable).
const addMissingSecrets = (envFile) => {
  const existing = fs.readFileSync(envFile, 'utf8');
  const missing = Object.entries(generateSecrets()).filter(
    ([key]) => !new RegExp(`^${key}=`, 'm').test(existing)
  );
  if (missing.length === 0) {
    return false;
  }
  const lines = missing.map(([key, value]) => `${key}=${value}`);
  fs.appendFileSync(envFile, `${existing.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
  return true;
};

const prepareEnv = (appDir = path.resolve(__dirname, '..')) => {
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });

  const envFile = path.join(appDir, '.env');
  if (fs.existsSync(envFile)) {
    return addMissingSecrets(envFile);
  }

  const lines = Object.entries(generateSecrets()).map(([key, value]) => `${key}=${value}`);
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  return true;
};

if (require.main === module) {
  if (prepareEnv()) {
    console.log('playground: wrote fresh secrets to playground/.env (git-ignored)');
  }
}

module.exports = { generateSecrets, prepareEnv };
