import { createAdminRole, createAdminUser, grantPublicPermission } from '../helpers/auth';
import { contentManager, errorPaths } from '../helpers/content-manager';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory, createStoryDraft } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const ISSUE = 'plugin::intelligence-stories.corrections.issue';
const TEXT = 'An earlier version of this story misstated the page count of the report.';

describe('issuing corrections', () => {
  let app: TestApp;
  let desk: { token: string; user: { id: number } };

  beforeAll(async () => {
    app = await bootStrapi();
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE }]),
    });
    await grantPublicPermission(app, 'plugin::intelligence-stories.story.findOne');
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const issue = (documentId: string, body: Record<string, unknown>, token = desk.token) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/corrections`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  const correctionsOf = (storyDocumentId: string) =>
    app.strapi.documents(UIDS.correction).findMany({
      filters: { storyDocumentId },
      populate: ['issuedBy', 'supersedes'],
      sort: 'id:asc',
    });

  it('issues a correction on a published story, stamped by the server', async () => {
    const story = await createStory(app, { title: 'A corrected report story' });
    const before = Date.now();
    const res = await issue(story.documentId, { kind: 'correction', text: TEXT });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      documentId: expect.any(String),
      // Issued on a draft readers already see: public at once.
      held: false,
      // The story's default language version: the request named none.
      locale: 'en',
      kind: 'correction',
      text: TEXT,
      issuedAt: expect.any(String),
      lateReason: null,
      supersedes: null,
    });
    expect(Date.parse(res.body.data.issuedAt)).toBeGreaterThanOrEqual(before - 1000);

    const [stored] = await correctionsOf(story.documentId);
    expect(stored.issuedBy).toMatchObject({ id: desk.user.id });

    // Readers see the story updated when the correction was issued, with the correction on it.
    const read = await app
      .request()
      .get(`/api/intelligence-stories/stories/${story.documentId}`)
      .expect(200);
    expect(read.body.data.updatedAt).toBe(res.body.data.issuedAt);
    // As issued, without what only the issuer is told.
    const { held, locale, ...issued } = res.body.data;
    expect(held).toBe(false);
    expect(locale).toBe('en');
    expect(read.body.data.corrections).toEqual([issued]);
  });

  it('refuses a client-supplied issue date or issuer', async () => {
    const story = await createStory(app, { title: 'No backdating' });
    const res = await issue(story.documentId, {
      kind: 'correction',
      text: TEXT,
      issuedAt: '2021-03-17T00:00:00.000Z',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/issuedAt and issuedBy are set by the server/);
    expect(await correctionsOf(story.documentId)).toEqual([]);
  });

  it('stamps corrections created in the Content Manager with the server clock and the editor', async () => {
    const story = await createStory(app, { title: 'Created in the CM' });
    const editor = await createAdminUser(app);
    const res = await contentManager(app, editor.token).create(UIDS.correction, {
      storyDocumentId: story.documentId,
      kind: 'clarification',
      text: TEXT,
      issuedAt: '2021-03-17T00:00:00.000Z',
    });
    expect(res.status).toBe(201);
    const [stored] = await correctionsOf(story.documentId);
    expect(Date.parse(stored.issuedAt as string)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(stored.issuedBy).toMatchObject({ id: editor.user.id });
  });

  it('refuses users without the issue-corrections permission, writing nothing', async () => {
    const story = await createStory(app, { title: 'Not yours to correct' });
    const other = await createAdminUser(app, { role: await createAdminRole(app, []) });
    const res = await issue(story.documentId, { kind: 'correction', text: TEXT }, other.token);
    expect(res.status).toBe(403);
    expect(await correctionsOf(story.documentId)).toEqual([]);
  });

  it('refuses a correction on a story that is not published', async () => {
    const draft = await createStoryDraft(app, { title: 'Never published' });
    const res = await issue(draft.documentId, { kind: 'correction', text: TEXT });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['storyDocumentId']);
    expect(res.body.error.message).toMatch(/corrections are issued on published stories/);
    expect(await correctionsOf(draft.documentId)).toEqual([]);
  });

  it('requires a late reason more than 30 days after first publication', async () => {
    const story = await createStory(app, { title: 'Corrected late' });
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await app.strapi.db
      .query(UIDS.story)
      .updateMany({ where: { documentId: story.documentId }, data: { firstPublishedAt: longAgo } });

    const refused = await issue(story.documentId, { kind: 'correction', text: TEXT });
    expect(refused.status).toBe(400);
    expect(errorPaths(refused.body)).toEqual(['lateReason']);
    expect(refused.body.error.message).toMatch(
      /more than 30 days after the story was first published/
    );
    expect(await correctionsOf(story.documentId)).toEqual([]);

    const accepted = await issue(story.documentId, {
      kind: 'correction',
      text: TEXT,
      lateReason: 'A reader pointed out the error only this week.',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.data.lateReason).toBe('A reader pointed out the error only this week.');
  });

  it('supersedes a correction of the same story, and refuses one of another story', async () => {
    const story = await createStory(app, { title: 'Superseded' });
    const other = await createStory(app, { title: 'Another story' });
    const first = (await issue(story.documentId, { kind: 'correction', text: TEXT })).body.data;
    const foreign = (await issue(other.documentId, { kind: 'correction', text: TEXT })).body.data;

    const refused = await issue(story.documentId, {
      kind: 'correction',
      text: 'This corrects a correction that belongs to another story.',
      supersedes: foreign.documentId,
    });
    expect(refused.status).toBe(400);
    expect(errorPaths(refused.body)).toEqual(['supersedes']);

    const second = await issue(story.documentId, {
      kind: 'clarification',
      text: 'The earlier correction gave the wrong page; the report has 15 pages.',
      supersedes: first.documentId,
    });
    expect(second.status).toBe(201);
    expect(second.body.data.supersedes).toBe(first.documentId);
    expect((await correctionsOf(story.documentId)).map((c) => c.documentId)).toEqual([
      first.documentId,
      second.body.data.documentId,
    ]);
  });

  it('keeps the first publication date across unpublish and republish, and no write can set it', async () => {
    const story = await createStory(app, { title: 'First published once' });
    const published = await app.strapi
      .documents(UIDS.story)
      .findOne({ documentId: story.documentId, status: 'published' });
    const first = published!.firstPublishedAt;
    expect(first).toBeTruthy();

    await app.strapi.documents(UIDS.story).unpublish({ documentId: story.documentId });
    await app.strapi.documents(UIDS.story).update({
      documentId: story.documentId,
      data: { firstPublishedAt: '2001-01-01T00:00:00.000Z' },
    });
    await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
    const republished = await app.strapi
      .documents(UIDS.story)
      .findOne({ documentId: story.documentId, status: 'published' });
    expect(republished!.firstPublishedAt).toBe(first);
  });
});
