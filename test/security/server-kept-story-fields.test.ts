import { createAdminUser } from '../helpers/auth';
import { createSourcedStory, sourcingApi } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

// Written by the server for its own bookkeeping (R9's record of what readers saw, optimistic
// concurrency); no editor reads or writes them in the Content Manager.
const SERVER_KEPT = ['lastPublishedContent', 'lastPublishedAt', 'revision'];

describe("the story's server-kept fields stay out of every Content Manager answer", () => {
  let app: TestApp;
  let chief: { token: string; user: { id: number } };
  let author: { token: string };
  let documentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    author = await createAdminUser(app, { role: 'strapi-author' });
    const story = await createSourcedStory(app, {
      title: 'Someone else’s story',
      knownBy: chief.user.id,
    });
    documentId = story.documentId;
    await sourcingApi(app, chief.token).approve(documentId);
    await app.strapi.documents(UIDS.story).publish({ documentId });
    // The fields really are set, so their absence below means something.
    const stored = await app.strapi.documents(UIDS.story).findOne({ documentId, status: 'draft' });
    for (const field of SERVER_KEPT) {
      expect(stored![field as keyof typeof stored]).toBeTruthy();
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const cm = (token: string) => ({
    get: (path: string) =>
      app.request().get(`/content-manager${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: Record<string, unknown>) =>
      app
        .request()
        .post(`/content-manager${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body),
  });

  const expectNoServerKeptField = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const field of SERVER_KEPT) {
      expect(text).not.toContain(`"${field}"`);
    }
  };

  it("bulkFindForValidation gives an Author none of them, on another person's story", async () => {
    const res = await cm(author.token).post(
      `/collection-types/${UIDS.story}/actions/bulkFindForValidation`,
      { documentIds: [documentId] }
    );
    // Another person's story is not the Author's to read at all (route-guards/bulk-reads).
    expect(res.status).toBe(403);
    expectNoServerKeptField(res.body);
  });

  it('nor any reading route, to a super admin, whatever the query asks for', async () => {
    const base = `/collection-types/${UIDS.story}`;
    const answers = [
      await cm(chief.token).post(`${base}/actions/bulkFindForValidation`, {
        documentIds: [documentId],
      }),
      await cm(chief.token).get(`${base}/${documentId}`),
      await cm(chief.token).get(`${base}/${documentId}?status=published`),
      await cm(chief.token).get(
        `${base}?fields[0]=revision&fields[1]=lastPublishedContent&fields[2]=title`
      ),
      await cm(chief.token).get(`${base}?populate=*&sort=revision:asc`),
      await cm(chief.token).get(`${base}?filters[revision][$notNull]=true`),
      await cm(chief.token).get(`${base}?filters[lastPublishedContent][$notNull]=true`),
    ];
    // The Content Manager refuses some of these queries outright (400); none answers with them.
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 400, 200, 200, 200]);
    answers.forEach((res) => expectNoServerKeptField(res.body));
    // The list still answers: a filter on a hidden field is dropped, not turned into an oracle.
    expect(
      answers[5].body.results.map((story: { documentId: string }) => story.documentId)
    ).toEqual([documentId]);
  });
});
