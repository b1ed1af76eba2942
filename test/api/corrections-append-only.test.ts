import { createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const APPEND_ONLY = /Corrections are append-only/;

describe('corrections are append-only, by every path', () => {
  let app: TestApp;
  let token: string;
  let storyId: string;
  let correctionId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    storyId = (await createStory(app, { title: 'Corrected story' })).documentId;
    correctionId = (await issue('An earlier version of this story misstated the page count.'))
      .documentId;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const issue = (text: string, supersedes?: string) =>
    app.strapi.documents(UIDS.correction).create({
      data: {
        storyDocumentId: storyId,
        kind: 'correction',
        text,
        issuedAt: new Date().toISOString(),
        ...(supersedes ? { supersedes } : {}),
      },
    });

  const allCorrections = () =>
    app.strapi.db.query(UIDS.correction).findMany({ orderBy: { id: 'asc' } });

  const cmUrl = (uid: string, documentId = '') =>
    `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
  const asAdmin = () => ({ Authorization: `Bearer ${token}` });

  it('refuses to edit a correction through the Document Service', async () => {
    const before = await allCorrections();
    await expect(
      app.strapi.documents(UIDS.correction).update({
        documentId: correctionId,
        data: { text: 'A quietly rewritten correction text.' },
      })
    ).rejects.toMatchObject({ name: 'PolicyError', message: expect.stringMatching(APPEND_ONLY) });
    expect(await allCorrections()).toEqual(before);
  });

  it('refuses to delete a correction through the Document Service', async () => {
    const before = await allCorrections();
    await expect(
      app.strapi.documents(UIDS.correction).delete({ documentId: correctionId })
    ).rejects.toMatchObject({ message: expect.stringMatching(APPEND_ONLY) });
    expect(await allCorrections()).toEqual(before);
  });

  it('refuses to edit or delete a correction through the Content Manager', async () => {
    const before = await allCorrections();
    const edited = await contentManager(app, token).update(UIDS.correction, correctionId, {
      text: 'A quietly rewritten correction text.',
    });
    const deleted = await app.request().delete(cmUrl(UIDS.correction, correctionId)).set(asAdmin());
    const bulkDeleted = await app
      .request()
      .post(`${cmUrl(UIDS.correction)}/actions/bulkDelete`)
      .set(asAdmin())
      .send({ documentIds: [correctionId] });

    for (const res of [edited, deleted, bulkDeleted]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(APPEND_ONLY);
    }
    expect(await allCorrections()).toEqual(before);
  });

  it('keeps a superseded correction beside the one that supersedes it', async () => {
    const fix = await issue(
      'This corrects the earlier correction: the report has 15 pages.',
      correctionId
    );
    const both = await app.strapi.documents(UIDS.correction).findMany({
      filters: { storyDocumentId: storyId },
      populate: ['supersedes'],
      sort: 'id:asc',
    });
    expect(both.map((c) => c.documentId)).toEqual([correctionId, fix.documentId]);
    expect(both[1].supersedes?.documentId).toBe(correctionId);
  });

  it('refuses to delete a story that carries corrections, by any path', async () => {
    await expect(
      app.strapi.documents(UIDS.story).delete({ documentId: storyId })
    ).rejects.toMatchObject({
      message: expect.stringMatching(/carries 2 correction\(s\) and cannot be deleted/),
    });
    const viaCm = await app.request().delete(cmUrl(UIDS.story, storyId)).set(asAdmin());
    expect(viaCm.status).toBe(403);
    expect(viaCm.body.error.message).toMatch(/Retract it instead/);
    expect(await app.strapi.documents(UIDS.story).findOne({ documentId: storyId })).not.toBeNull();
  });

  it('still deletes a story that has no corrections', async () => {
    const story = await createStory(app, { title: 'Never corrected' }, { publish: false });
    await app.strapi.documents(UIDS.story).delete({ documentId: story.documentId });
    expect(
      await app.strapi.documents(UIDS.story).findOne({ documentId: story.documentId })
    ).toBeNull();
  });
});
