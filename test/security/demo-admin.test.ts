import { createDemoAdmin } from '../../playground/src/demo-admin';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const EMAIL = 'demo-editor@playground.local';
const PASSWORD = 'Demo-password-1';

describe("the playground's demo admin", () => {
  let app: TestApp;
  const saved = {
    email: process.env.PLAYGROUND_ADMIN_EMAIL,
    password: process.env.PLAYGROUND_ADMIN_PASSWORD,
  };

  beforeAll(async () => {
    app = await bootStrapi();
    Object.assign(process.env, {
      PLAYGROUND_ADMIN_EMAIL: EMAIL,
      PLAYGROUND_ADMIN_PASSWORD: PASSWORD,
    });
  });

  afterAll(async () => {
    for (const [key, value] of [
      ['PLAYGROUND_ADMIN_EMAIL', saved.email],
      ['PLAYGROUND_ADMIN_PASSWORD', saved.password],
    ] as const) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    await app?.destroy();
  });

  const demoRow = () =>
    app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: EMAIL }, populate: ['roles'] }) as Promise<{
      id: number;
      isActive: boolean;
      registrationToken: string | null;
      roles: Array<{ code: string }>;
    } | null>;

  it('is created as an active super admin that keeps no registration token', async () => {
    expect(await app.strapi.service('admin::user').exists()).toBe(false);
    await createDemoAdmin(app.strapi);

    const row = await demoRow();
    expect(row).toMatchObject({ isActive: true, registrationToken: null });
    expect(row!.roles.map(({ code }) => code)).toEqual(['strapi-super-admin']);
    // It logs in with the credentials printed once.
    await app.request().post('/admin/login').send({ email: EMAIL, password: PASSWORD }).expect(200);
  });

  it('clears the token a demo admin created by an earlier version still holds', async () => {
    const row = await demoRow();
    // What `admin::user` service's create leaves on the row.
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: row!.id }, data: { registrationToken: 'left-over-token' } });
    const other = await app.strapi.service('admin::user').create({
      email: 'invited@playground.local',
      firstname: 'Invited',
      lastname: 'Editor',
      roles: [],
    });
    expect(other.registrationToken).toEqual(expect.any(String));

    await createDemoAdmin(app.strapi);
    expect((await demoRow())!.registrationToken).toBeNull();
    const registration = await app
      .request()
      .get('/admin/registration-info')
      .query({ registrationToken: 'left-over-token' });
    expect(registration.status).toBe(400);
    // Only the demo admin is touched: an invited user still needs the token to register.
    expect(
      (await app.strapi.db.query('admin::user').findOne({ where: { id: other.id } }))!
        .registrationToken
    ).toBe(other.registrationToken);
    // And no second admin is created.
    expect(await app.strapi.db.query('admin::user').count({ where: { email: EMAIL } })).toBe(1);
  });
});
