import {
  createAdminRole,
  createAdminUser,
  createApiToken,
  createEndUser,
  grantRolePermission,
} from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory, STORY_UID } from '../helpers/stories';

const LIST = '/api/intelligence-stories/stories';
const CM_LIST = `/content-manager/collection-types/${STORY_UID}`;

describe('test harness', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi();
    await createStory(app, { title: 'Published story' });
    await createStory(app, { title: 'Draft story' }, { publish: false });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('boots the playground with the plugin and its content type', () => {
    expect(app.strapi.plugin('intelligence-stories')).toBeDefined();
    expect(app.strapi.getModel(STORY_UID).options?.draftAndPublish).toBe(true);
  });

  it("answers /favicon.ico with the playground's icon, as a browser asks on every page", async () => {
    const res = await app.request().get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    expect(Buffer.from(res.body).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('logs in admin users whose role decides what the Content Manager shows', async () => {
    const superAdmin = await createAdminUser(app);
    const allowed = await app
      .request()
      .get(CM_LIST)
      .set('Authorization', `Bearer ${superAdmin.token}`)
      .expect(200);
    expect(allowed.body.results.map((story: { title: string }) => story.title).sort()).toEqual([
      'Draft story',
      'Published story',
    ]);

    const emptyRole = await createAdminRole(app, []);
    const nobody = await createAdminUser(app, { role: emptyRole });
    await app.request().get(CM_LIST).set('Authorization', `Bearer ${nobody.token}`).expect(403);

    const readerRole = await createAdminRole(app, [
      { action: 'plugin::content-manager.explorer.read', subject: STORY_UID },
    ]);
    const reader = await createAdminUser(app, { role: readerRole });
    await app.request().get(CM_LIST).set('Authorization', `Bearer ${reader.token}`).expect(200);
  });

  it('issues API tokens that the Content API accepts', async () => {
    const token = await createApiToken(app, 'read-only');
    const res = await app.request().get(LIST).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.data.map((story: { title: string }) => story.title)).toEqual([
      'Published story',
    ]);
    await app.request().get(LIST).set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('creates front-end users whose role decides what they may call', async () => {
    const reader = await createEndUser(app);
    const asReader = () => app.request().get(LIST).set('Authorization', `Bearer ${reader.jwt}`);

    expect((await asReader()).status).toBe(403);
    await grantRolePermission(app, 'authenticated', 'plugin::intelligence-stories.story.find');
    expect((await asReader()).status).toBe(200);
    // Granting the Authenticated role opens nothing to anonymous visitors.
    expect((await app.request().get(LIST)).status).toBe(403);
  });

  // Last on purpose: it destroys the app the other tests share (one Strapi per process at a time).
  it('tears the app down completely, database included', async () => {
    expect(await app.database.exists()).toBe(true);
    await app.destroy();
    expect(await app.database.exists()).toBe(false);
  });
});
