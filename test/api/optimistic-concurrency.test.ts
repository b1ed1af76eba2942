import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { ISSUE_CORRECTIONS, issueCorrection } from '../helpers/corrections';
import { failWritesTo } from '../helpers/faults';
import { createSourcedStory, currentRevision, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const APPROVE = 'plugin::intelligence-stories.quotes.approve';
const READ = 'plugin::intelligence-stories.sourcing.read';
const MANAGE = 'plugin::intelligence-stories.sourcing.manage';

describe('optimistic concurrency and atomicity of the plugin admin writes', () => {
  let app: TestApp;
  let reporter: { token: string; user: { id: number } };
  let standards: ReturnType<typeof sourcingApi>;
  let otherStandards: ReturnType<typeof sourcingApi>;
  let desk: { token: string };

  beforeAll(async () => {
    app = await bootStrapi();
    reporter = await createAdminUser(app);
    const role = await createAdminRole(app, [
      { action: APPROVE },
      { action: READ },
      { action: MANAGE },
      { action: ISSUE_CORRECTIONS },
    ]);
    standards = sourcingApi(app, (await createAdminUser(app, { role })).token);
    otherStandards = sourcingApi(app, (await createAdminUser(app, { role })).token);
    desk = await createAdminUser(app, { role });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const quoteOf = async (documentId: string) => {
    const story = await app.strapi.documents(UIDS.story).findOne({
      documentId,
      status: 'draft',
      populate: { anonymousQuotes: { populate: ['approvedBy'] } },
    });
    return story!.anonymousQuotes![0];
  };

  const newStory = (title: string) => createSourcedStory(app, { title, knownBy: reporter.user.id });

  it('gives every save of the draft a new revision that no client can choose', async () => {
    const story = await newStory('Revisions move on every save');
    const first = await currentRevision(app, story.documentId);
    const res = await contentManager(app, reporter.token).update(UIDS.story, story.documentId, {
      dek: 'A new dek',
      revision: 'chosen-by-the-client',
    });
    expect(res.status).toBe(200);
    const second = await currentRevision(app, story.documentId);
    expect(second).not.toBe(first);
    expect(second).not.toBe('chosen-by-the-client');
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses with 409 an approval of a revision edited since, and writes nothing', async () => {
    const story = await newStory('Approval of a stale revision');
    const reviewed = (await standards.readiness(story.documentId)).body.data.revision;
    await updateQuote(app, story.documentId, { quote: 'There will be more soon, and sooner.' });
    const afterEdit = await currentRevision(app, story.documentId);

    const res = await standards.approve(story.documentId, 0, { revision: reviewed });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      status: 409,
      name: 'ConflictError',
      message: expect.stringMatching(/changed by someone else.*reload.*Nothing was saved/),
    });
    expect(await quoteOf(story.documentId)).toMatchObject({
      approvalState: 'pending',
      approvedFingerprint: null,
    });
    expect(await currentRevision(app, story.documentId)).toBe(afterEdit);

    // Reviewing again gives the current revision, and the approval goes through.
    const current = (await standards.readiness(story.documentId)).body.data.revision;
    expect((await standards.approve(story.documentId, 0, { revision: current })).status).toBe(200);
  });

  it('lets only the first of two decisions on the same revision through', async () => {
    const story = await newStory('Two standards editors at once');
    const revision = await currentRevision(app, story.documentId);
    const [approved, rejected] = await Promise.all([
      standards.approve(story.documentId, 0, { revision }),
      otherStandards.reject(story.documentId, 0, { revision, comment: 'Too vague for us' }),
    ]);
    expect([approved.status, rejected.status].sort()).toEqual([200, 409]);
    const quote = await quoteOf(story.documentId);
    expect(quote.approvalState).toBe(approved.status === 200 ? 'approved' : 'rejected');
  });

  it('requires the revision, with a 400 naming it and nothing written', async () => {
    const story = await newStory('Approval without a revision');
    const before = await currentRevision(app, story.documentId);
    const res = await app
      .request()
      .post(`/intelligence-stories/stories/${story.documentId}/quotes/0/approve`)
      .set('Authorization', `Bearer ${desk.token}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/revision is required/);
    expect((await quoteOf(story.documentId)).approvalState).toBe('pending');
    expect(await currentRevision(app, story.documentId)).toBe(before);
  });

  it('refuses with 409 a non-substantive declaration on a stale revision', async () => {
    const story = await createStory(app, { title: 'A declared change' });
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: story.documentId, data: { title: 'A declared change, retitled' } });
    const reviewed = await currentRevision(app, story.documentId);
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: story.documentId, data: { title: 'A declared change, again' } });

    const res = await standards.declareNonSubstantive(story.documentId, 'Headline shortened', {
      revision: reviewed,
    });
    expect(res.status).toBe(409);
    expect(
      await app.strapi
        .documents(UIDS.changeLog)
        .findMany({ filters: { storyDocumentId: story.documentId } })
    ).toEqual([]);
  });

  it('leaves nothing half-written when the database fails in the middle of an approval', async () => {
    const story = await newStory('An approval that fails midway');
    const before = await currentRevision(app, story.documentId);
    const table = app.strapi.db.metadata.get('intelligence-stories.anonymous-quote').tableName;
    const restore = await failWritesTo(app, { table, on: 'UPDATE' });
    try {
      const res = await standards.approve(story.documentId, 0, { revision: before });
      expect(res.status).toBe(500);
    } finally {
      await restore();
    }
    // The revision moved first, inside the same transaction: it was rolled back with the rest.
    expect(await currentRevision(app, story.documentId)).toBe(before);
    expect(await quoteOf(story.documentId)).toMatchObject({
      approvalState: 'pending',
      approvedBy: null,
      approvedFingerprint: null,
    });
  });

  it('leaves nothing half-written when the database fails in the middle of issuing a correction', async () => {
    const story = await createStory(app, { title: 'A correction that fails midway' });
    const first = await issueCorrection(app, desk.token, story.documentId, {
      kind: 'correction',
      text: 'An earlier version of this story misstated the date of the report.',
    });
    // Superseding writes the correction row, then its link row: fail the second write.
    const attribute = app.strapi.db.metadata.get(UIDS.correction).attributes.supersedes as {
      joinTable: { name: string };
    };
    const restore = await failWritesTo(app, { table: attribute.joinTable.name, on: 'INSERT' });
    try {
      const res = await app
        .request()
        .post(`/intelligence-stories/stories/${story.documentId}/corrections`)
        .set('Authorization', `Bearer ${desk.token}`)
        .send({
          kind: 'correction',
          text: 'This correction replaces one that named the wrong month.',
          supersedes: first.documentId,
        });
      expect(res.status).toBe(500);
    } finally {
      await restore();
    }
    const stored = await app.strapi
      .documents(UIDS.correction)
      .findMany({ filters: { storyDocumentId: story.documentId } });
    expect(stored.map(({ documentId }) => documentId)).toEqual([first.documentId]);
  });
});
