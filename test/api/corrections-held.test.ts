import { seedExampleStory } from '../../playground/src/seed';
import { CORRECTIONS, STORY } from '../../playground/src/seed/odni-2021-interference';
import { CORRECTIONS_FR, STORY_FR } from '../../playground/src/seed/odni-2021-interference-fr';
import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { issueCorrection } from '../helpers/corrections';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

/**
 * Issue 17, items 1 and 2: a correction explains the change it was issued for, and readers get
 * the two together. Issued while the draft differs from what readers see, a correction is held
 * (the story, the feeds and the snapshot do not show it) and goes public in the transaction of
 * the story's next publish, with the fix; issued on a draft readers already see, it is public at
 * once. Read over HTTP, as readers and the desk read it.
 */

const API = '/api/intelligence-stories';

describe('corrections held until their fix is published', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    for (const action of ['story.findOne', 'correction.find', 'correction.rss']) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  /** What readers get: the story's corrections and fields, and the feeds' correction ids. */
  const readerView = async (documentId: string) => {
    const story = await app.request().get(`${API}/stories/${documentId}`).expect(200);
    const feed = await app.request().get(`${API}/corrections?pagination[pageSize]=100`).expect(200);
    const rss = await app.request().get(`${API}/corrections.rss`).expect(200);
    return {
      dek: story.body.data.dek as string,
      corrections: (story.body.data.corrections as Array<{ documentId: string }>).map(
        (c) => c.documentId
      ),
      feed: (feed.body.data as Array<{ documentId: string }>).map((c) => c.documentId),
      rss: rss.text,
    };
  };

  const desk = (documentId: string) =>
    app
      .request()
      .get(`/intelligence-stories/stories/${documentId}/corrections`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200)
      .then((res) => res.body.data as Array<{ documentId: string; held: boolean; locale: string }>);

  const readiness = (documentId: string) =>
    app
      .request()
      .get(`/intelligence-stories/stories/${documentId}/readiness`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200)
      .then((res) => res.body.data as { changedSincePublish?: string[] });

  it('holds a correction issued on a changed draft, and publishes it with the fix', async () => {
    const { documentId } = await createStory(app, { title: 'Held correction', dek: 'It shows.' });
    await app.strapi.documents(UIDS.story).update({ documentId, data: { dek: 'It found.' } });
    expect((await readiness(documentId)).changedSincePublish).toEqual(['dek']);

    const issued = await issueCorrection(app, token, documentId, {
      kind: 'correction',
      text: 'An earlier version of this story said the report shows; it found.',
    });
    expect(issued).toMatchObject({ held: true });

    // Readers see neither the fix nor its correction yet, anywhere.
    const before = await readerView(documentId);
    expect(before.dek).toBe('It shows.');
    expect(before.corrections).toEqual([]);
    expect(before.feed).not.toContain(issued.documentId);
    expect(before.rss).not.toContain(issued.documentId);
    expect(await desk(documentId)).toEqual([
      expect.objectContaining({ documentId: issued.documentId, held: true }),
    ]);

    await app.strapi.documents(UIDS.story).publish({ documentId });

    // Both at once, in the story, the list and the RSS.
    const after = await readerView(documentId);
    expect(after.dek).toBe('It found.');
    expect(after.corrections).toEqual([issued.documentId]);
    expect(after.feed).toContain(issued.documentId);
    expect(after.rss).toContain(issued.documentId);
    expect(await desk(documentId)).toEqual([
      expect.objectContaining({ documentId: issued.documentId, held: false }),
    ]);
  });

  it('makes a correction on a draft readers already see public at once', async () => {
    const { documentId } = await createStory(app, { title: 'Plain correction', dek: 'A dek.' });
    expect((await readiness(documentId)).changedSincePublish).toEqual([]);
    const issued = await issueCorrection(app, token, documentId, {
      kind: 'clarification',
      text: 'This story has been clarified to say where the report was released.',
    });
    expect(issued).toMatchObject({ held: false });
    const view = await readerView(documentId);
    expect(view.corrections).toEqual([issued.documentId]);
    expect(view.feed).toContain(issued.documentId);
  });

  it('makes a retraction public at once, whatever the draft', async () => {
    const { documentId } = await createStory(app, { title: 'Retracted', dek: 'A dek.' });
    await app.strapi.documents(UIDS.story).update({ documentId, data: { dek: 'Edited.' } });
    const issued = await issueCorrection(app, token, documentId, {
      kind: 'retraction',
      text: 'This story has been retracted: its central claim could not be verified.',
    });
    expect(issued).toMatchObject({ held: false });
    expect((await readerView(documentId)).corrections).toEqual([issued.documentId]);
  });

  it('keeps a held correction held while a refused publish leaves the story as it was', async () => {
    const { documentId } = await createStory(app, { title: 'Refused fix', dek: 'Before.' });
    await app.strapi.documents(UIDS.story).update({ documentId, data: { dek: 'After.' } });
    const issued = await issueCorrection(app, token, documentId, {
      kind: 'correction',
      text: 'An earlier version of this story gave the wrong dek for the report.',
    });
    // A change after the correction is not what it explains: R9 refuses, and nothing moves.
    await app.strapi.documents(UIDS.story).update({ documentId, data: { dek: 'After, again.' } });
    await expect(app.strapi.documents(UIDS.story).publish({ documentId })).rejects.toMatchObject({
      details: { violations: [expect.objectContaining({ code: 'R9', path: 'dek' })] },
    });
    const view = await readerView(documentId);
    expect(view.dek).toBe('Before.');
    expect(view.corrections).toEqual([]);
    expect(view.feed).not.toContain(issued.documentId);
    expect(await desk(documentId)).toEqual([expect.objectContaining({ held: true })]);
  });

  it('holds a correction issued through the Content Manager too', async () => {
    const { documentId } = await createStory(app, { title: 'Via the CM', dek: 'Before.' });
    await app.strapi.documents(UIDS.story).update({ documentId, data: { dek: 'After.' } });
    const cm = contentManager(app, token);
    const res = await cm.create(UIDS.correction, {
      storyDocumentId: documentId,
      kind: 'correction',
      text: 'An earlier version of this story gave the wrong dek for the report.',
      // Neither is the client's to set: the server binds and holds.
      held: false,
      draftFingerprint: 'forged',
    });
    expect(res.status).toBe(201);
    expect(await desk(documentId)).toEqual([expect.objectContaining({ held: true })]);
    expect((await readerView(documentId)).corrections).toEqual([]);
  });

  describe('the seeded example story', () => {
    let documentId: string;

    beforeAll(async () => {
      await seedExampleStory(app.strapi);
      documentId = (await app.strapi
        .documents(UIDS.story)
        .findFirst({ filters: { slug: STORY.slug } }))!.documentId;
    });

    it('was corrected in a desk’s order: its corrections public with the fix', async () => {
      // The English two and the French version's own one: none held.
      const held = await desk(documentId);
      expect(held.map((c) => [c.locale, c.held])).toEqual([
        ['fr', false],
        ['en', false],
        ['en', false],
      ]);
      const story = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
      expect(story.body.data.corrections.map((c: { text: string }) => c.text)).toEqual(
        CORRECTIONS.map((c) => c.text)
      );
      const body = JSON.stringify(story.body.data.body);
      expect(body).toContain('“smear” the image of Joe Biden');
      expect(body).not.toContain('is it written');
    });

    it('corrected its French version in the same order, in French only', async () => {
      const story = await app
        .request()
        .get(`${API}/stories/${STORY_FR.slug}?locale=fr`)
        .expect(200);
      expect(story.body.data.corrections.map((c: { text: string }) => c.text)).toEqual(
        CORRECTIONS_FR.map((c) => c.text)
      );
      const body = JSON.stringify(story.body.data.body);
      expect(body).toContain('affirme le rapport');
      expect(body).not.toContain('est-il écrit');
    });

    it('refuses a stealth edit: "shows" changed to "found" with no new correction (R9)', async () => {
      const draft = await app.strapi.documents(UIDS.story).findOne({ documentId });
      const body = JSON.parse(JSON.stringify(draft!.body).replace('shows.', 'found.'));
      await app.strapi.documents(UIDS.story).update({ documentId, data: { body } });
      await expect(app.strapi.documents(UIDS.story).publish({ documentId })).rejects.toMatchObject({
        details: { violations: [expect.objectContaining({ code: 'R9', path: 'body' })] },
      });
      const story = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
      expect(JSON.stringify(story.body.data.body)).toContain('shows.');
    });
  });
});
