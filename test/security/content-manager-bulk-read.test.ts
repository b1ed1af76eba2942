import { createAdminUser } from '../helpers/auth';
import { issueCorrection } from '../helpers/corrections';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

/**
 * The Content Manager's `bulkFindForValidation` (the bulk-publish dialog's read) checked only that
 * the user may read the type, then answered any document asked for: the route walk found an
 * Author, who may read their own entries only, reading a chief editor's correction with its
 * private fields. Each document is now checked against the user's read permission, conditions
 * included (route-guards/bulk-reads).
 */
describe("the Content Manager's bulk read for the publish dialog", () => {
  let app: TestApp;
  let chief: Awaited<ReturnType<typeof createAdminUser>>;
  let author: Awaited<ReturnType<typeof createAdminUser>>;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    author = await createAdminUser(app, { role: 'strapi-author' });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const bulkRead = (token: string, uid: string, documentIds: string[]) =>
    app
      .request()
      .post(`/content-manager/collection-types/${uid}/actions/bulkFindForValidation`)
      .set('Authorization', `Bearer ${token}`)
      .send({ documentIds });

  it("refuses an Author someone else's correction, and answers its issuer", async () => {
    const story = await createStory(app, { title: 'Bulk read' });
    const correction = await issueCorrection(app, chief.token, story.documentId, {
      kind: 'clarification',
      text: 'This story has been clarified to name the agency that released the report.',
    });

    const refused = await bulkRead(author.token, UIDS.correction, [correction.documentId]);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(correction.text);

    const answered = await bulkRead(chief.token, UIDS.correction, [correction.documentId]);
    expect(answered.status).toBe(200);
    expect(answered.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([
      correction.documentId,
    ]);
  });

  it('answers an Author their own story, and refuses a selection holding anyone else’s', async () => {
    const created = await app
      .request()
      .post(`/content-manager/collection-types/${UIDS.story}`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ title: 'An Author’s own story', slug: 'an-authors-own-story', kind: 'news' });
    expect(created.status).toBe(201);
    const own = created.body.data.documentId as string;
    const others = (await createStory(app, { title: 'A chief’s story' }, { publish: false }))
      .documentId;

    expect((await bulkRead(author.token, UIDS.story, [own])).status).toBe(200);
    expect((await bulkRead(author.token, UIDS.story, [own, others])).status).toBe(403);
  });
});
