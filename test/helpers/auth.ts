import crypto from 'crypto';

import type { TestApp } from './strapi';

const unique = () => crypto.randomBytes(4).toString('hex');

// Meets Strapi's admin password rules (length, upper case, digit).
const TEST_PASSWORD = 'Test-password-1';

type Permission = {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] | null };
  conditions?: string[];
};

const isLocalized = (app: TestApp, subject: string | null | undefined) =>
  Boolean(
    subject &&
    (
      app.strapi.contentTypes[subject as keyof typeof app.strapi.contentTypes] as
        { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined
    )?.pluginOptions?.i18n?.localized
  );

/**
 * An admin role with exactly the given permissions, for RBAC tests. A permission on a localized
 * type (the story) that names no locales gets them all (`locales: null`, Strapi i18n's "every
 * locale"): without the property, Strapi grants it on none.
 */
export const createAdminRole = async (app: TestApp, permissions: Permission[]) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: `test-role-${unique()}`, description: 'test' });
  await roles.assignPermissions(
    role.id,
    permissions.map((permission) =>
      isLocalized(app, permission.subject) &&
      permission.action.startsWith('plugin::content-manager.') &&
      !(permission.properties && 'locales' in permission.properties)
        ? { ...permission, properties: { ...permission.properties, locales: null } }
        : permission
    )
  );
  return role as { id: number; code: string };
};

/**
 * The permissions of Strapi's Author preset as this app created them (Content Manager rights on
 * one's own entries), to build a role "an Author, plus…".
 */
export const authorPresetPermissions = async (app: TestApp): Promise<Permission[]> => {
  const role = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-author' }, populate: ['permissions'] });
  return (role.permissions as Array<Required<Permission>>).map(
    ({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })
  );
};

type ContentTypeService = {
  getNestedFields(model: unknown, options: { components: unknown }): string[];
};

/** Content Manager permissions on a type, on every field, as the roles editor grants them. */
export const contentManagerPermissions = (app: TestApp, uid: string) => {
  const fields = (app.strapi.service('admin::content-type') as ContentTypeService).getNestedFields(
    app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes],
    { components: app.strapi.components }
  );
  const on = (action: string, withFields = true): Permission => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject: uid,
    ...(withFields ? { properties: { fields } } : {}),
  });
  return {
    read: on('read'),
    create: on('create'),
    update: on('update'),
    publish: on('publish', false),
  };
};

/**
 * An active admin user in a role (by code, e.g. 'strapi-editor', or a role from createAdminRole),
 * logged in over HTTP so the token is one the admin panel itself would hold.
 */
export const createAdminUser = async (
  app: TestApp,
  { role = 'strapi-super-admin' }: { role?: string | { id: number } } = {}
) => {
  const roleId =
    typeof role === 'string'
      ? (await app.strapi.db.query('admin::role').findOne({ where: { code: role } }))?.id
      : role.id;
  if (!roleId) {
    throw new Error(`No admin role with code ${String(role)}`);
  }

  const email = `admin-${unique()}@test.local`;
  const user = await app.strapi.service('admin::user').create({
    email,
    password: TEST_PASSWORD,
    firstname: 'Test',
    lastname: 'Admin',
    isActive: true,
    roles: [roleId],
  });

  const login = await app
    .request()
    .post('/admin/login')
    .send({ email, password: TEST_PASSWORD })
    .expect(200);

  return { user: user as { id: number; email: string }, token: login.body.data.token as string };
};

const usersPermissionsRole = (app: TestApp, type: 'public' | 'authenticated') =>
  app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });

/**
 * Lets a users-permissions role call a Content API action, as a site enables it under
 * Settings → Users & Permissions → Roles. Example: 'plugin::intelligence-stories.story.find'.
 */
export const grantRolePermission = async (
  app: TestApp,
  type: 'public' | 'authenticated',
  action: string
) => {
  const role = await usersPermissionsRole(app, type);
  await app.strapi.db
    .query('plugin::users-permissions.permission')
    .create({ data: { action, role: role.id } });
};

export const grantPublicPermission = (app: TestApp, action: string) =>
  grantRolePermission(app, 'public', action);

/**
 * A confirmed users-permissions (front-end) user in the Authenticated role, with its JWT.
 */
export const createEndUser = async (app: TestApp) => {
  const role = await usersPermissionsRole(app, 'authenticated');
  const id = unique();
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `reader-${id}`,
      email: `reader-${id}@test.local`,
      password: TEST_PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const jwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { user: user as { id: number }, jwt: jwt as string };
};

/**
 * A Content API token; 'read-only' grants find/findOne on every Content API route.
 */
export const createApiToken = async (
  app: TestApp,
  type: 'read-only' | 'full-access' = 'read-only'
) => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-token-${unique()}`,
    type,
    lifespan: null,
  });
  return token.accessKey as string;
};
