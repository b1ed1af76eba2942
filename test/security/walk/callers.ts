import crypto from 'crypto';

import { actionId, ADMIN_ACTIONS } from '../../../server/src/permissions';
import {
  createAdminRole,
  createAdminUser,
  createApiToken,
  createEndUser,
} from '../../helpers/auth';
import type { TestApp } from '../../helpers/strapi';
import type { Canary } from './fixture';

type Permission = { action: string; subject: string | null; conditions?: string[] };

export type Caller = {
  name: string;
  headers: Record<string, string>;
  /** The admin's own id: an admin may see their own e-mail. */
  adminId?: number;
  /** What the admin may do, as Strapi reports it to the admin (`/admin/users/me/permissions`). */
  permissions: Permission[];
};

/** An unconditional grant: Author's "own entries only" does not entitle to others' values. */
export const can = (caller: Caller, action: string, subject?: string) =>
  caller.permissions.some(
    (permission) =>
      permission.action === action &&
      (subject === undefined || permission.subject === subject || permission.subject === null) &&
      (permission.conditions ?? []).length === 0
  );

const adminCaller = async (
  app: TestApp,
  name: string,
  login: { token: string; user: { id: number } }
) => {
  const res = await app
    .request()
    .get('/admin/users/me/permissions')
    .set('Authorization', `Bearer ${login.token}`)
    .expect(200);
  return {
    name,
    headers: { Authorization: `Bearer ${login.token}` },
    adminId: login.user.id,
    permissions: res.body.data as Permission[],
  };
};

/**
 * Everyone the walk calls as, least privileged first: the walk's writes run caller by caller in
 * this order, so whatever a privileged caller's write changes, the others have already been walked.
 */
export const createCallers = async (
  app: TestApp,
  chief: { id: number; token: string },
  addCanary: (canary: Canary) => void
): Promise<Caller[]> => {
  const contentApiActions = Object.entries(
    app.strapi.plugin('intelligence-stories').controllers as Record<string, Record<string, unknown>>
  ).flatMap(([controller, handlers]) =>
    Object.keys(handlers).map((handler) => `plugin::intelligence-stories.${controller}.${handler}`)
  );
  const custom = await app.strapi.service('admin::api-token').create({
    name: `walk-custom-${crypto.randomBytes(4).toString('hex')}`,
    type: 'custom',
    lifespan: null,
    // Every Content API action the plugin has, whatever its routes expose today.
    permissions: contentApiActions.filter((action) =>
      app.strapi.contentAPI.permissions.providers.action.has(action)
    ),
  });
  const readOnly = await createApiToken(app, 'read-only');
  const fullAccess = await createApiToken(app, 'full-access');
  for (const [key, label] of [
    [readOnly, 'read-only'],
    [fullAccess, 'full-access'],
    [custom.accessKey as string, 'custom'],
  ]) {
    addCanary({
      value: key,
      label: `${label} API token accessKey`,
      class: { kind: 'api-token-key' },
    });
  }
  const endUser = await createEndUser(app);

  const admins: Caller[] = [];
  admins.push(
    await adminCaller(
      app,
      'admin with an empty role',
      await createAdminUser(app, { role: await createAdminRole(app, []) })
    )
  );
  for (const action of ADMIN_ACTIONS) {
    const role = await createAdminRole(app, [{ action: actionId(action.uid) }]);
    admins.push(
      await adminCaller(app, `admin with ${action.uid} alone`, await createAdminUser(app, { role }))
    );
  }
  admins.push(
    await adminCaller(app, 'Author', await createAdminUser(app, { role: 'strapi-author' }))
  );
  admins.push(
    await adminCaller(app, 'Editor', await createAdminUser(app, { role: 'strapi-editor' }))
  );
  admins.push(
    await adminCaller(app, 'super admin', { token: chief.token, user: { id: chief.id } })
  );

  const none: Permission[] = [];
  return [
    { name: 'anonymous', headers: {}, permissions: none },
    {
      name: 'users-permissions user',
      headers: { Authorization: `Bearer ${endUser.jwt}` },
      permissions: none,
    },
    {
      name: 'read-only API token',
      headers: { Authorization: `Bearer ${readOnly}` },
      permissions: none,
    },
    {
      name: 'custom API token',
      headers: { Authorization: `Bearer ${custom.accessKey}` },
      permissions: none,
    },
    {
      name: 'full-access API token',
      headers: { Authorization: `Bearer ${fullAccess}` },
      permissions: none,
    },
    ...admins,
  ];
};
