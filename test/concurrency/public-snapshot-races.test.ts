import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

/**
 * Two changes readers see, made to one story at the same moment (an editor issues a correction
 * while another republishes it), each rewrite the story's public snapshot in their own
 * transaction. Neither may fail for the other, and the snapshot left behind is what the live
 * composition shows once both have committed.
 */
const ROUNDS = 8;

describe('concurrent changes to one story keep its public snapshot whole', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    await grantPublicPermission(app, 'plugin::intelligence-stories.story.findOne');
  });

  afterAll(async () => {
    app?.strapi.plugin('intelligence-stories').service('public-snapshot').serveFromSnapshot(true);
    await app?.destroy();
  });

  it(`a correction and a republish at once, ${ROUNDS} times: both succeed, one row, the live answer`, async () => {
    const story = await createStory(app, {
      title: 'Raced story',
      slug: 'raced-story',
      dek: 'A dek',
    });
    const { documentId } = story;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const [issued, republished] = await Promise.allSettled([
        app
          .request()
          .post(`/intelligence-stories/stories/${documentId}/corrections`)
          .set('Authorization', `Bearer ${token}`)
          .send({ kind: 'clarification', text: `Clarification ${round}: the report's date.` }),
        app.strapi.documents(UIDS.story).publish({ documentId }),
      ]);
      expect(issued).toMatchObject({ status: 'fulfilled', value: { status: 201 } });
      expect(republished.status).toBe('fulfilled');
    }

    const rows = await app.strapi.db
      .query(UIDS.publicStory)
      .findMany({ where: { storyDocumentId: documentId } });
    expect(rows).toHaveLength(1);

    const snapshot = app.strapi.plugin('intelligence-stories').service('public-snapshot');
    const served = await app.request().get(`/api/intelligence-stories/stories/${documentId}`);
    snapshot.serveFromSnapshot(false);
    const live = await app.request().get(`/api/intelligence-stories/stories/${documentId}`);
    snapshot.serveFromSnapshot(true);
    expect(served.status).toBe(200);
    expect(served.body.data.corrections).toHaveLength(ROUNDS);
    expect(served.text).toBe(live.text);
  });
});
