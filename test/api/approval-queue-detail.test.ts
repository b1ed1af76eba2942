import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { rerunMigrations } from '../helpers/migrations';
import { createSourcedStory, GOOD_QUOTE, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

const APPROVE = 'plugin::intelligence-stories.quotes.approve';
const READ_SOURCING = 'plugin::intelligence-stories.sourcing.read';
const QUOTE_DECISION_UID = 'plugin::intelligence-stories.quote-decision';
const CM_STORY_ACTIONS = ['read', 'update', 'create'].map((verb) => ({
  action: `plugin::content-manager.explorer.${verb}`,
  subject: UIDS.story,
}));

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

/**
 * The approval queue's detail of one quote (the paragraph, the diff since a voided approval, the
 * other findings, the last save, the history, four eyes), the menu's count, and who may ask.
 */
describe('the approval queue: what a decision needs', () => {
  let app: TestApp;
  let chief: Awaited<ReturnType<typeof createAdminUser>>;
  let standardsEditor: Awaited<ReturnType<typeof createAdminUser>>;
  let reader: Awaited<ReturnType<typeof createAdminUser>>;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    standardsEditor = await createAdminUser(app, {
      role: await createAdminRole(app, [
        { action: APPROVE },
        { action: READ_SOURCING },
        ...CM_STORY_ACTIONS,
      ]),
    });
    reader = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: READ_SOURCING }, ...CM_STORY_ACTIONS]),
    });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (token: string, path: string) =>
    app
      .request()
      .get(`/intelligence-stories/desk/approvals${path}`)
      .set('Authorization', `Bearer ${token}`);
  const detail = (token: string, documentId: string, index = 0) =>
    get(token, `/${documentId}/quotes/${index}`);
  const decisionsOf = (storyDocumentId: string) =>
    app.strapi.documents(QUOTE_DECISION_UID).findMany({ filters: { storyDocumentId } });

  const storyWithBody = async (title: string, extra: Record<string, unknown> = {}) => {
    const story = await createSourcedStory(app, { title, knownBy: chief.user.id });
    await app.strapi.documents(UIDS.story).update({
      documentId: story.documentId,
      data: {
        body: [
          paragraph('The assessment was released in March.'),
          paragraph(`Asked about sanctions, the official said: “${GOOD_QUOTE.quote}” No more.`),
        ],
        ...extra,
      },
    });
    return story;
  };

  it('shows the quote in its paragraph, its other findings, the last save, and no identity', async () => {
    const story = await storyWithBody('Detail of a pending quote');
    await updateQuote(app, story.documentId, { informationNotOpinion: false });
    const res = await detail(standardsEditor.token, story.documentId);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      story: { documentId: story.documentId, title: 'Detail of a pending quote' },
      quoteIndex: 0,
      quote: GOOD_QUOTE.quote,
      state: 'pending',
      paragraph: {
        before: 'Asked about sanctions, the official said: “',
        match: GOOD_QUOTE.quote,
        after: '” No more.',
      },
      approvedText: null,
      history: [],
      decision: { mayDecide: true, reason: null },
      lastSavedAt: expect.any(String),
    });
    // R7 on this quote is there; R6, the decision itself, is not.
    expect(data.violations.errors.map(({ code }: { code: string }) => code)).toEqual(['R7']);
    expect(data.violations.errors[0].path).toBe('anonymousQuotes[0].informationNotOpinion');
    // The source's identity never leaves, nor its encrypted form.
    expect(JSON.stringify(res.body)).not.toMatch(/A named official|v1:|"identity"/);
  });

  it('says when the body does not hold the quote', async () => {
    const story = await createSourcedStory(app, {
      title: 'Quote not in body',
      knownBy: chief.user.id,
    });
    const res = await detail(standardsEditor.token, story.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.paragraph).toBeNull();
  });

  it('keeps the text approved, shows it beside the edit that voided it, and the history', async () => {
    const story = await storyWithBody('Voided then rejected');
    const chiefApi = sourcingApi(app, chief.token);
    expect((await chiefApi.approve(story.documentId, 0, { comment: 'Checked' })).status).toBe(200);
    const stored = await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: true },
    });
    expect(stored!.anonymousQuotes![0]).toMatchObject({ approvedText: GOOD_QUOTE.quote });

    await updateQuote(app, story.documentId, { quote: 'There will be many more, soon.' });
    const voided = (await detail(standardsEditor.token, story.documentId)).body.data;
    expect(voided).toMatchObject({
      state: 'voided',
      quote: 'There will be many more, soon.',
      approvedText: GOOD_QUOTE.quote,
      // The body still quotes the old words: the desk sees the quote is not in it.
      paragraph: null,
      history: [
        {
          quoteIndex: 0,
          decision: 'approved',
          quote: GOOD_QUOTE.quote,
          comment: 'Checked',
          decidedBy: 'Test Admin',
          decidedAt: expect.any(String),
        },
      ],
    });

    expect(
      (await chiefApi.reject(story.documentId, 0, { comment: 'Say who “many” are.' })).status
    ).toBe(200);
    const rejected = (await detail(standardsEditor.token, story.documentId)).body.data;
    expect(rejected.state).toBe('rejected');
    // A rejection covers no text: nothing to compare with.
    expect(rejected.approvedText).toBeNull();
    expect(
      rejected.history.map(({ decision, quote }: { decision: string; quote: string }) => [
        decision,
        quote,
      ])
    ).toEqual([
      ['rejected', 'There will be many more, soon.'],
      ['approved', GOOD_QUOTE.quote],
    ]);
    expect(await decisionsOf(story.documentId)).toHaveLength(2);
  });

  it('tells a standards editor before they try that four eyes keeps them off, and counts for them', async () => {
    const story = await storyWithBody('Four eyes in the queue');
    expect(
      (
        await contentManager(app, standardsEditor.token).update(UIDS.story, story.documentId, {
          dek: 'Edited by the standards editor',
        })
      ).status
    ).toBe(200);

    const mine = (await detail(standardsEditor.token, story.documentId)).body.data;
    expect(mine.decision).toEqual({ mayDecide: false, reason: 'edited-last' });
    expect(mine.lastSavedBy).toBe('Test Admin');
    expect((await detail(chief.token, story.documentId)).body.data.decision).toEqual({
      mayDecide: true,
      reason: null,
    });

    const list = await get(standardsEditor.token, '?pagination[pageSize]=100');
    expect(list.status).toBe(200);
    const item = list.body.data.find(
      (entry: { story: { documentId: string } }) => entry.story.documentId === story.documentId
    );
    expect(item.decision).toEqual({ mayDecide: false, reason: 'edited-last' });

    const count = await get(standardsEditor.token, '/count');
    expect(count.status).toBe(200);
    expect(count.body.data).toEqual({
      total: list.body.meta.pagination.total,
      mayDecide: list.body.data.filter(
        (entry: { decision: { mayDecide: boolean } }) => entry.decision.mayDecide
      ).length,
    });
    expect(count.body.data.mayDecide).toBe(count.body.data.total - 1);
    // The super admin saved none of them last: every quote awaits them.
    expect((await get(chief.token, '/count')).body.data).toEqual({
      total: count.body.data.total,
      mayDecide: count.body.data.total,
    });
  });

  it('refuses editors without the approve permission, and bad input, writing nothing', async () => {
    const story = await storyWithBody('Refusals');
    const before = await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: true },
    });

    for (const path of [`/${story.documentId}/quotes/0`, '/count', '']) {
      const res = await get(reader.token, path);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(GOOD_QUOTE.quote);
    }
    expect((await sourcingApi(app, reader.token).approve(story.documentId)).status).toBe(403);

    const notAnIndex = await detail(
      standardsEditor.token,
      story.documentId,
      'first' as unknown as number
    );
    expect(notAnIndex.status).toBe(400);
    expect(notAnIndex.body.error.message).toMatch(/quoteIndex/);
    expect((await detail(standardsEditor.token, story.documentId, 4)).status).toBe(404);
    expect((await detail(standardsEditor.token, 'no-such-story')).status).toBe(404);
    const unknownParam = await get(standardsEditor.token, '/count?q=x');
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.error.message).toMatch(/q/);

    expect(await decisionsOf(story.documentId)).toHaveLength(0);
    const after = await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: true },
    });
    expect(after).toEqual(before);
  });

  it('lets no story write set the text approved', async () => {
    const story = await storyWithBody('Typed-in approval');
    const [quote] = (await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: true },
    }))!.anonymousQuotes!;
    await updateQuote(app, story.documentId, { id: quote.id, approvedText: 'Forged' });
    const [after] = (await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: true },
    }))!.anonymousQuotes!;
    expect(after.approvedText ?? null).toBeNull();
  });

  it('backfills the text of approvals that still cover their quote, and only those', async () => {
    const covered = await storyWithBody('Backfill covered');
    const voided = await storyWithBody('Backfill voided');
    const chiefApi = sourcingApi(app, chief.token);
    await chiefApi.approve(covered.documentId);
    await chiefApi.approve(voided.documentId);
    await updateQuote(app, voided.documentId, { quote: 'Changed after approval.' });
    // As an earlier version left them: no approved text.
    await app.strapi.db
      .query(UIDS.anonymousQuote)
      .updateMany({ where: { approvalState: 'approved' }, data: { approvedText: null } });

    await rerunMigrations(app, 'backfill-approved-quote-texts');
    const textOf = async (documentId: string) =>
      (await app.strapi.documents(UIDS.story).findOne({
        documentId,
        populate: { anonymousQuotes: true },
      }))!.anonymousQuotes![0].approvedText;
    expect(await textOf(covered.documentId)).toBe(GOOD_QUOTE.quote);
    expect(await textOf(voided.documentId)).toBeNull();
    expect((await detail(chief.token, voided.documentId)).body.data).toMatchObject({
      state: 'voided',
      approvedText: null,
    });
  });
});
