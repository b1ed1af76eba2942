import type { Core } from '@strapi/strapi';

/**
 * For a first look only: `npm run develop` on an empty database creates one super admin from the
 * credentials that scripts/prepare-env.js wrote into the git-ignored .env, and prints them once.
 *
 * Through `createFirstAdmin`, as the admin panel's own registration does: it stores no
 * registration token. `create` (the invitation path) keeps one on the row even when a password is
 * given, and that token lets anyone who reads it register a session as this super admin.
 */
export const createDemoAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.PLAYGROUND_ADMIN_EMAIL;
  const password = process.env.PLAYGROUND_ADMIN_PASSWORD;
  if (!email || !password) {
    return;
  }
  const users = strapi.service('admin::user');
  if (await users.exists()) {
    // A demo admin created by an earlier version of this playground still holds its token.
    await strapi.db.query('admin::user').updateMany({
      where: { email, registrationToken: { $notNull: true } },
      data: { registrationToken: null },
    });
    return;
  }

  await users.createFirstAdmin({ email, password, firstname: 'Demo', lastname: 'Editor' });

  strapi.log.info(
    `Playground demo admin created (shown once; also in playground/.env): ${email} / ${password}`
  );
};
