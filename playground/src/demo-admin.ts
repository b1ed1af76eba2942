import type { Core } from '@strapi/strapi';

/**
 * For a first look only: `npm run develop` on an empty database creates one super admin from the
 * credentials that scripts/prepare-env.js wrote into the git-ignored .env, and prints them once.
 */
export const createDemoAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.PLAYGROUND_ADMIN_EMAIL;
  const password = process.env.PLAYGROUND_ADMIN_PASSWORD;
  if (!email || !password || (await strapi.service('admin::user').exists())) {
    return;
  }

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Demo',
    lastname: 'Editor',
    isActive: true,
    roles: [superAdmin.id],
  });

  strapi.log.info(
    `Playground demo admin created (shown once; also in playground/.env): ${email} / ${password}`
  );
};
