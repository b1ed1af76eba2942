import { createHash } from 'crypto';

import omit from 'lodash/omit';

import { seedExampleStory } from '../../playground/src/seed';
import { STORY } from '../../playground/src/seed/odni-2021-interference';
import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { rerunMigrations } from '../helpers/migrations';
import { createSourcedStory, currentRevision, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

const APPROVE = 'plugin::intelligence-stories.quotes.approve';
const READ_SOURCING = 'plugin::intelligence-stories.sourcing.read';
const CM_STORY_ACTIONS = ['read', 'update', 'create'].map((verb) => ({
  action: `plugin::content-manager.explorer.${verb}`,
  subject: UIDS.story,
}));

describe('anonymous-quote approvals and readiness', () => {
  let app: TestApp;
  let chief: { token: string; user: { id: number } };
  let chiefApi: ReturnType<typeof sourcingApi>;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    chiefApi = sourcingApi(app, chief.token);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const storedQuote = async (documentId: string) => {
    const story = await app.strapi.documents(UIDS.story).findOne({
      documentId,
      populate: { anonymousQuotes: { populate: ['approvedBy'] } },
    });
    return story!.anonymousQuotes![0];
  };

  const codes = async (documentId: string) =>
    ((await chiefApi.readiness(documentId)).body.data.errors as Array<{ code: string }>).map(
      (v) => v.code
    );

  it('reports readiness for the current draft without publishing it', async () => {
    const story = await createSourcedStory(app, {
      title: 'Readiness only',
      knownBy: chief.user.id,
    });
    const res = await chiefApi.readiness(story.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ready: false,
      errors: [
        {
          code: 'R6',
          path: 'anonymousQuotes[0].approvalState',
          message: 'Quote 1: needs a standards editor’s approval before it can be published.',
          messageId: 'R6.pending',
        },
      ],
      warnings: [],
      awaitingDecision: [
        { quoteIndex: 0, path: 'anonymousQuotes[0].approvalState', reason: 'pending' },
      ],
      // The version decisions are based on: every save of the draft gets a new one.
      revision: await currentRevision(app, story.documentId),
      // The app's registered house rules (the playground's one), for their titles in the panel.
      houseRules: [expect.objectContaining({ code: 'LEAK-HASH' })],
    });
    expect(res.body.data.revision).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: story.documentId, status: 'published' })
    ).toBeNull();
  });

  it('records the approver, time and fingerprint of the exact text approved', async () => {
    const story = await createSourcedStory(app, {
      title: 'Approved quote',
      knownBy: chief.user.id,
    });
    const res = await chiefApi.approve(story.documentId, 0, {
      comment: 'Reason checked with the desk.',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.ready).toBe(true);

    const quote = await storedQuote(story.documentId);
    expect(quote).toMatchObject({
      approvalState: 'approved',
      approvedBy: { id: chief.user.id },
      approvedAt: expect.any(String),
      approvedFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      approvalComment: 'Reason checked with the desk.',
    });
  });

  it('voids an approval when the quote, attribution or reason changes', async () => {
    for (const change of [
      { quote: 'There will be more, soon.' },
      { attribution: 'a senior representative of the Biden administration' },
      { anonymityReason: 'Not authorized to discuss sanctions that had not been announced yet.' },
    ]) {
      const story = await createSourcedStory(app, {
        title: `Voided ${Object.keys(change)[0]}`,
        knownBy: chief.user.id,
      });
      await chiefApi.approve(story.documentId);
      expect(await codes(story.documentId)).toEqual([]);

      await updateQuote(app, story.documentId, change);
      const { errors } = (await chiefApi.readiness(story.documentId)).body.data;
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'R6',
          message: expect.stringMatching(/changed after it was approved/),
        }),
      ]);
    }
  });

  type QueueItem = { story: { documentId: string }; state: string; decidedBy: string | null };

  const queueItem = async (documentId: string) => {
    const res = await app
      .request()
      .get('/intelligence-stories/desk/approvals?pagination[pageSize]=100')
      .set('Authorization', `Bearer ${chief.token}`)
      .expect(200);
    // One page holds the whole queue, or a quote beyond it would look absent.
    expect(res.body.meta.pagination.pageCount).toBeLessThanOrEqual(1);
    return (res.body.data as QueueItem[]).find(({ story }) => story.documentId === documentId);
  };
  const queueState = async (documentId: string) => (await queueItem(documentId))?.state ?? null;

  const deskStory = async (title: string) => {
    const res = await app
      .request()
      .get('/intelligence-stories/desk/stories')
      .query({ q: title })
      .set('Authorization', `Bearer ${chief.token}`)
      .expect(200);
    return res.body.data[0] as { pendingApprovals: number; awaitingDecision: unknown[] };
  };

  /** What the story form sends when an editor edits the quote: its row id and every field. */
  const cmQuoteEdit = async (documentId: string, changes: Record<string, unknown>) => {
    const story = await app.strapi.documents(UIDS.story).findOne({
      documentId,
      populate: { anonymousQuotes: true },
    });
    const quote = story!.anonymousQuotes![0];
    return contentManager(app, chief.token).update(UIDS.story, documentId, {
      anonymousQuotes: [
        {
          id: quote.id,
          quote: quote.quote,
          attribution: quote.attribution,
          anonymityReason: quote.anonymityReason,
          howSourceKnows: quote.howSourceKnows,
          informationNotOpinion: quote.informationNotOpinion,
          ...changes,
        },
      ],
    });
  };

  it('voids an approval when the quote is linked to another source, or its sourcing changes', async () => {
    const otherSource = await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'SRC-other', identity: 'Another official', editorsWhoKnow: [chief.user.id] },
    });
    for (const [label, change] of [
      ['relinked', { confidentialSource: { set: [{ documentId: otherSource.documentId }] } }],
      ['howSourceKnows', { howSourceKnows: 'Sat in on the sanctions meetings.' }],
      ['attestation', { informationNotOpinion: false }],
    ] as const) {
      const story = await createSourcedStory(app, {
        title: `Voided ${label}`,
        knownBy: chief.user.id,
      });
      await chiefApi.approve(story.documentId);
      expect(await codes(story.documentId)).toEqual([]);
      expect(await queueState(story.documentId)).toBeNull();

      const res = await cmQuoteEdit(story.documentId, change);
      expect(res.status).toBe(200);
      const { errors } = (await chiefApi.readiness(story.documentId)).body.data;
      expect(errors).toContainEqual(
        expect.objectContaining({
          code: 'R6',
          message: expect.stringMatching(/changed after it was approved/),
        })
      );
      expect(await queueState(story.documentId)).toBe('voided');
      await expect(
        app.strapi.documents(UIDS.story).publish({ documentId: story.documentId })
      ).rejects.toMatchObject({
        details: { violations: expect.arrayContaining([expect.objectContaining({ code: 'R6' })]) },
      });
    }
    // The relink really happened: the approval was voided by the new source, not by a lost link.
    const relinked = await app.strapi.documents(UIDS.story).findFirst({
      filters: { title: 'Voided relinked' },
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    expect(relinked!.anonymousQuotes![0].confidentialSource!.documentId).toBe(
      otherSource.documentId
    );
  });

  it('keeps an approval when the quote is saved with the same text and sourcing', async () => {
    const story = await createSourcedStory(app, { title: 'Same sourcing', knownBy: chief.user.id });
    await chiefApi.approve(story.documentId);
    const res = await cmQuoteEdit(story.documentId, {});
    expect(res.status).toBe(200);
    expect(await codes(story.documentId)).toEqual([]);
    expect(await queueState(story.documentId)).toBeNull();
  });

  it('returns approvals recorded before they covered the sourcing to the desk, once', async () => {
    const story = await createSourcedStory(app, {
      title: 'Legacy approval',
      knownBy: chief.user.id,
    });
    const current = await createSourcedStory(app, {
      title: 'Current approval',
      knownBy: chief.user.id,
    });
    await chiefApi.approve(story.documentId);
    await chiefApi.approve(current.documentId);
    // What an earlier version stored: the fingerprint of the quote's text alone.
    const quote = await storedQuote(story.documentId);
    const legacy = createHash('sha256')
      .update(JSON.stringify([quote.quote, quote.attribution, quote.anonymityReason]))
      .digest('hex');
    await app.strapi.db
      .query(UIDS.anonymousQuote)
      .update({ where: { id: quote.id }, data: { approvedFingerprint: legacy } });

    const afterSync = () => rerunMigrations(app, 'void-text-only-quote-approvals');
    await afterSync();
    expect(await storedQuote(story.documentId)).toMatchObject({
      approvalState: 'pending',
      approvedBy: null,
      approvedAt: null,
      approvedFingerprint: null,
    });
    expect(await queueState(story.documentId)).toBe('pending');
    // An approval made under the current fingerprint is left alone, and a second run changes nothing.
    const kept = await storedQuote(current.documentId);
    expect(kept.approvalState).toBe('approved');
    await chiefApi.approve(story.documentId);
    await afterSync();
    expect((await storedQuote(story.documentId)).approvalState).toBe('approved');
    expect(await storedQuote(current.documentId)).toEqual(kept);
    expect(await codes(story.documentId)).toEqual([]);
  });

  it('keeps an approval across a Content Manager save that leaves the quote as it was', async () => {
    const story = await createSourcedStory(app, {
      title: 'Saved in the CM',
      knownBy: chief.user.id,
    });
    await chiefApi.approve(story.documentId);
    const editor = await createAdminUser(app);
    const cm = contentManager(app, editor.token);

    const loaded = await app
      .request()
      .get(`/content-manager/collection-types/${UIDS.story}/${story.documentId}`)
      .set('Authorization', `Bearer ${editor.token}`)
      .expect(200);
    // What the edit view sends back: the loaded document, without its identifiers.
    const form = omit(loaded.body.data, ['id', 'documentId']);
    const saved = await cm.update(UIDS.story, story.documentId, { ...form, dek: 'A new dek' });
    expect(saved.status).toBe(200);
    expect(await codes(story.documentId)).toEqual([]);
  });

  it('cannot be typed in: approval fields sent with a story write are ignored', async () => {
    const story = await createSourcedStory(app, {
      title: 'Forged approval',
      knownBy: chief.user.id,
    });
    const approved = await createSourcedStory(app, {
      title: 'Really approved',
      knownBy: chief.user.id,
    });
    await chiefApi.approve(approved.documentId);
    const real = await storedQuote(approved.documentId);

    const editor = await createAdminUser(app);
    const res = await contentManager(app, editor.token).update(UIDS.story, story.documentId, {
      anonymousQuotes: [
        {
          // Another story's approved component row, and its approval fields, copied in.
          id: real.id,
          quote: real.quote,
          attribution: real.attribution,
          anonymityReason: real.anonymityReason,
          informationNotOpinion: true,
          approvalState: 'approved',
          approvedFingerprint: real.approvedFingerprint,
          approvedBy: chief.user.id,
        },
      ],
    });
    expect(res.status).toBe(200);
    expect((await storedQuote(story.documentId)).approvalState).toBe('pending');
    expect(await codes(story.documentId)).toContain('R6');
    // The other story's approval is untouched.
    expect(await storedQuote(approved.documentId)).toMatchObject({
      approvalState: 'approved',
      id: real.id,
    });
  });

  it('refuses users without the approve permission and changes nothing', async () => {
    const story = await createSourcedStory(app, {
      title: 'Not yours to approve',
      knownBy: chief.user.id,
    });
    const reader = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: READ_SOURCING }, ...CM_STORY_ACTIONS]),
    });
    const api = sourcingApi(app, reader.token);

    expect((await api.readiness(story.documentId)).status).toBe(200);
    for (const res of [
      await api.approve(story.documentId),
      await api.reject(story.documentId, 0, { comment: 'No.' }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect(await storedQuote(story.documentId)).toMatchObject({
      approvalState: 'pending',
      approvedBy: null,
      approvedFingerprint: null,
    });
  });

  it('holds the four-eyes check, unless the newsroom turns it off', async () => {
    const role = await createAdminRole(app, [
      { action: APPROVE },
      { action: READ_SOURCING },
      ...CM_STORY_ACTIONS,
    ]);
    const standardsEditor = await createAdminUser(app, { role });
    const story = await createSourcedStory(app, { title: 'Four eyes', knownBy: chief.user.id });
    const edited = await contentManager(app, standardsEditor.token).update(
      UIDS.story,
      story.documentId,
      {
        dek: 'Edited by the standards editor',
      }
    );
    expect(edited.status).toBe(200);

    const api = sourcingApi(app, standardsEditor.token);
    const refused = await api.approve(story.documentId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/You edited this story last/);
    expect((await storedQuote(story.documentId)).approvalState).toBe('pending');

    // A role holding the approve permission is enough when another editor edited last.
    expect((await chiefApi.approve(story.documentId)).status).toBe(200);

    app.strapi.config.set('plugin::intelligence-stories.fourEyes', false);
    try {
      expect((await api.approve(story.documentId)).status).toBe(200);
    } finally {
      app.strapi.config.set('plugin::intelligence-stories.fourEyes', true);
    }
    // The approval of a role that holds the permission satisfies R6 …
    expect(await codes(story.documentId)).toEqual([]);

    // … until that role loses the permission.
    await app.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { action: APPROVE, role: { id: role.id } } });
    const { errors } = (await chiefApi.readiness(story.documentId)).body.data;
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'R6',
        message: expect.stringMatching(/may not approve quotes/),
      }),
    ]);
  });

  it('returns a quote to the desk when its approver loses the approve permission', async () => {
    const permissions = [{ action: READ_SOURCING }, ...CM_STORY_ACTIONS];
    const role = await createAdminRole(app, [{ action: APPROVE }, ...permissions]);
    const standardsEditor = await createAdminUser(app, { role });
    const story = await createSourcedStory(app, {
      title: 'Demoted approver',
      knownBy: chief.user.id,
    });
    expect((await sourcingApi(app, standardsEditor.token).approve(story.documentId)).status).toBe(
      200
    );
    expect((await chiefApi.readiness(story.documentId)).body.data).toMatchObject({
      ready: true,
      awaitingDecision: [],
    });
    expect(await queueItem(story.documentId)).toBeUndefined();
    expect(await deskStory('Demoted approver')).toMatchObject({ pendingApprovals: 0 });

    // An administrator takes the approve permission from the role, as Settings → Roles does.
    await app.strapi.service('admin::role').assignPermissions(role.id, permissions);

    const awaited = {
      quoteIndex: 0,
      path: 'anonymousQuotes[0].approvalState',
      reason: 'approver-lost-permission',
    };
    const { data } = (await chiefApi.readiness(story.documentId)).body;
    expect(data.awaitingDecision).toEqual([awaited]);
    expect(data.errors).toEqual([
      {
        code: 'R6',
        path: 'anonymousQuotes[0].approvalState',
        message:
          'Quote 1 was approved by someone who may not approve quotes; it needs approving again.',
        messageId: 'R6.approver-lost-permission',
      },
    ]);
    await expect(
      app.strapi.documents(UIDS.story).publish({ documentId: story.documentId })
    ).rejects.toMatchObject({
      details: {
        violations: [
          expect.objectContaining({ code: 'R6', path: 'anonymousQuotes[0].approvalState' }),
        ],
      },
    });
    expect(await queueItem(story.documentId)).toMatchObject({
      state: 'approver-lost-permission',
      decidedBy: 'Test Admin',
    });
    expect(await deskStory('Demoted approver')).toEqual(
      expect.objectContaining({ pendingApprovals: 1, awaitingDecision: [awaited] })
    );

    // A standards editor who may approve clears it again.
    expect((await chiefApi.approve(story.documentId)).body.data).toMatchObject({
      ready: true,
      awaitingDecision: [],
    });
    expect(await queueItem(story.documentId)).toBeUndefined();
    expect(await deskStory('Demoted approver')).toMatchObject({ pendingApprovals: 0 });
  });

  it('returns a quote to the desk when its approver is deactivated', async () => {
    const role = await createAdminRole(app, [{ action: APPROVE }, { action: READ_SOURCING }]);
    const standardsEditor = await createAdminUser(app, { role });
    const story = await createSourcedStory(app, {
      title: 'Departed approver',
      knownBy: chief.user.id,
    });
    await sourcingApi(app, standardsEditor.token).approve(story.documentId);
    expect(await queueItem(story.documentId)).toBeUndefined();

    await app.strapi
      .service('admin::user')
      .updateById(standardsEditor.user.id, { isActive: false });
    expect(await queueState(story.documentId)).toBe('approver-lost-permission');
    expect(await codes(story.documentId)).toEqual(['R6']);
  });

  it.each(['warning', 'off'] as const)(
    'keeps a quote awaiting a decision when R6 is %s: in readiness, on the desk, in the queue',
    async (level) => {
      const story = await createSourcedStory(app, {
        title: `R6 ${level}`,
        knownBy: chief.user.id,
      });
      app.strapi.config.set('plugin::intelligence-stories.rules.R6', level);
      try {
        const { data } = (await chiefApi.readiness(story.documentId)).body;
        expect(data).toMatchObject({
          ready: true,
          errors: [],
          awaitingDecision: [
            { quoteIndex: 0, path: 'anonymousQuotes[0].approvalState', reason: 'pending' },
          ],
        });
        expect(data.warnings.map((v: { code: string }) => v.code)).toEqual(
          level === 'warning' ? ['R6'] : []
        );
        expect(await queueState(story.documentId)).toBe('pending');
        expect(await deskStory(`R6 ${level}`)).toMatchObject({ pendingApprovals: 1 });
      } finally {
        app.strapi.config.set('plugin::intelligence-stories.rules.R6', 'error');
      }
    }
  );

  it('rejects a quote with a comment, and publishing stays refused', async () => {
    const story = await createSourcedStory(app, {
      title: 'Rejected quote',
      knownBy: chief.user.id,
    });
    const missing = await chiefApi.reject(story.documentId, 0, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^Comment: write at least 3 characters/);

    const res = await chiefApi.reject(story.documentId, 0, { comment: 'The reason is too thin.' });
    expect(res.status).toBe(200);
    expect(await storedQuote(story.documentId)).toMatchObject({
      approvalState: 'rejected',
      approvalComment: 'The reason is too thin.',
    });
    await expect(
      app.strapi.documents(UIDS.story).publish({ documentId: story.documentId })
    ).rejects.toMatchObject({
      details: { violations: [expect.objectContaining({ code: 'R6' })] },
    });
  });

  it('answers 404 for a quote or story that does not exist', async () => {
    const story = await createSourcedStory(app, {
      title: 'One quote only',
      knownBy: chief.user.id,
    });
    expect((await chiefApi.approve(story.documentId, 3)).status).toBe(404);
    expect((await chiefApi.approve('no-such-story', 0)).status).toBe(404);
    expect((await chiefApi.readiness('no-such-story')).status).toBe(404);
  });

  it('reports warning-level rules without blocking the publish', async () => {
    const story = await createSourcedStory(app, { title: 'Warned', knownBy: chief.user.id });
    await chiefApi.approve(story.documentId);
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: story.documentId, data: { bylines: [] } });

    app.strapi.config.set('plugin::intelligence-stories.rules.R8', 'warning');
    try {
      const { data } = (await chiefApi.readiness(story.documentId)).body;
      expect(data).toMatchObject({
        ready: true,
        errors: [],
        warnings: [expect.objectContaining({ code: 'R8' })],
      });
      await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
    } finally {
      app.strapi.config.set('plugin::intelligence-stories.rules.R8', 'error');
    }
    expect(
      await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: story.documentId, status: 'published' })
    ).not.toBeNull();
  });

  it('refuses the one violating story of a bulk publish, names it, and publishes none', async () => {
    const good = await createSourcedStory(app, { title: 'Bulk good one', knownBy: chief.user.id });
    const bad = await createSourcedStory(app, {
      title: 'Bulk unapproved one',
      knownBy: chief.user.id,
    });
    const other = await createSourcedStory(app, { title: 'Bulk good two', knownBy: chief.user.id });
    await chiefApi.approve(good.documentId);
    await chiefApi.approve(other.documentId);

    const res = await app
      .request()
      .post(`/content-manager/collection-types/${UIDS.story}/actions/bulkPublish`)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({ documentIds: [good.documentId, bad.documentId, other.documentId] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"Bulk unapproved one" cannot be published');
    expect(res.body.error.message).not.toContain('Bulk good');
    for (const { documentId } of [good, bad, other]) {
      expect(
        await app.strapi.documents(UIDS.story).findOne({ documentId, status: 'published' })
      ).toBeNull();
    }
  });

  it('publishes the example story, and refuses a copy with the fixture’s bare reason (R3)', async () => {
    expect(await seedExampleStory(app.strapi)).toBe('created');
    const example = await app.strapi.documents(UIDS.story).findFirst({
      filters: { slug: STORY.slug },
      status: 'published',
      populate: {
        anonymousQuotes: { populate: ['confidentialSource'] },
        sourceDocuments: true,
        citations: { populate: ['sourceDocument'] },
        bylines: true,
      },
    });
    expect(example).not.toBeNull();

    const { anonymousQuote, citations, ...fields } = STORY;
    const copy = await app.strapi.documents(UIDS.story).create({
      data: {
        ...fields,
        slug: `${STORY.slug}-copy`,
        sourceDocuments: [example!.sourceDocuments![0].documentId],
        citations: citations.map((citation) => ({
          ...citation,
          sourceDocument: example!.sourceDocuments![0].documentId,
        })),
        anonymousQuotes: [
          {
            ...anonymousQuote,
            anonymityReason: 'on condition of anonymity',
            confidentialSource: example!.anonymousQuotes![0].confidentialSource!.documentId,
          },
        ],
      },
    });
    await chiefApi.approve(copy.documentId);
    await expect(
      app.strapi.documents(UIDS.story).publish({ documentId: copy.documentId })
    ).rejects.toMatchObject({
      details: {
        violations: [
          {
            code: 'R3',
            path: 'anonymousQuotes[0].anonymityReason',
            message:
              'Quote 1: say why the source was granted anonymity; “on condition of anonymity” alone does not explain it.',
            messageId: 'R3.stock-phrase',
            values: { phrase: 'on condition of anonymity' },
          },
        ],
      },
    });
  });
});
