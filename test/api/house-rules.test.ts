import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { createSourcedStory, currentRevision, sourcingApi } from '../helpers/sourcing';
import { sharedSourceDocument } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { uploadFile } from '../helpers/uploads';

type Violation = { code: string; path: string; message: string };

const CONFIG_KEY = 'plugin::intelligence-stories';

/**
 * The playground registers one house rule in its register() (playground/src/house-rules): LEAK-HASH,
 * no story on a leaked document without the document's SHA-256 on file. It must reach the gate,
 * the checklist's readiness, the desk and the settings page's rule table like R1–R11.
 */
describe('house rules', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;
  let standards: ReturnType<typeof sourcingApi>;
  let adminToken: string;
  let adminId: number;

  beforeAll(async () => {
    app = await bootStrapi();
    const admin = await createAdminUser(app);
    adminToken = admin.token;
    adminId = admin.user.id;
    cm = contentManager(app, admin.token);
    standards = sourcingApi(app, admin.token);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const setLevel = (code: string, level: string | undefined) => {
    const config = app.strapi.config.get(CONFIG_KEY) as { rules: Record<string, string> };
    const rules = { ...config.rules };
    if (level === undefined) {
      delete rules[code];
    } else {
      rules[code] = level;
    }
    app.strapi.config.set(CONFIG_KEY, { ...config, rules });
  };

  const isPublished = async (documentId: string) =>
    Boolean(await app.strapi.documents(UIDS.story).findOne({ documentId, status: 'published' }));

  /** A story every built-in rule accepts, resting also on a leaked document without a hash. */
  const storyOnALeak = async (title: string) => {
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const leak = await documents.create({
      data: {
        title: `Leaked cable ${title}`,
        issuer: 'Unknown',
        pageCount: 3,
        classification: 'leaked',
      },
    });
    await documents.publish({ documentId: leak.documentId });
    const story = await createSourcedStory(app, { title, knownBy: adminId });
    await app.strapi.documents(UIDS.story).update({
      documentId: story.documentId,
      data: { sourceDocuments: [await sharedSourceDocument(app), leak.documentId] },
    });
    expect((await standards.approve(story.documentId)).status).toBe(200);
    return { storyId: story.documentId, leakId: leak.documentId };
  };

  const houseViolations = (violations: Violation[] = []) =>
    violations.filter(({ code }) => code === 'LEAK-HASH');

  it('blocks a publish with its own message and path, and passes once fixed', async () => {
    const { storyId, leakId } = await storyOnALeak('Story on a leaked cable');

    const refused = await cm.publish(UIDS.story, storyId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.violations).toEqual([
      {
        code: 'LEAK-HASH',
        path: 'sourceDocuments[1]',
        message: `"Leaked cable Story on a leaked cable" is a leaked document: record its SHA-256 in the library before publishing a story on it.`,
      },
    ]);
    expect(refused.body.error.message).toContain('LEAK-HASH');
    expect(await isPublished(storyId)).toBe(false);

    // The checklist's readiness says the same, with the rule's titles for the panel.
    const readiness = (await standards.readiness(storyId).expect(200)).body.data;
    expect(readiness.ready).toBe(false);
    expect(houseViolations(readiness.errors)).toHaveLength(1);
    expect(readiness.houseRules).toEqual([
      expect.objectContaining({
        code: 'LEAK-HASH',
        title: expect.objectContaining({ fr: expect.stringContaining('fuité') }),
        fields: ['sourceDocuments'],
      }),
    ]);

    // The desk counts it among the story's errors.
    const desk = await app
      .request()
      .get('/intelligence-stories/desk/stories')
      .query({ q: 'Story on a leaked cable' })
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(desk.body.data[0].readiness).toMatchObject({ ready: false, errors: 1 });

    // The library attaches the copy the newsroom holds (the server computes its SHA-256 from the
    // bytes) and publishes the document, as its editors do.
    const copy = await uploadFile(app, Buffer.from('The leaked cable, as received.\n'), {
      name: 'cable.txt',
      mime: 'text/plain',
    });
    await app.strapi.documents(UIDS.sourceDocument).update({
      documentId: leakId,
      data: { file: copy.id },
    });
    await app.strapi.documents(UIDS.sourceDocument).publish({ documentId: leakId });
    const fixed = await cm.publish(UIDS.story, storyId);
    expect(fixed.body.error ?? null).toBeNull();
    expect(await isPublished(storyId)).toBe(true);
  });

  it('at warning, is reported and does not block; off, is not run', async () => {
    const { storyId } = await storyOnALeak('Warned leak story');
    try {
      setLevel('LEAK-HASH', 'warning');
      const readiness = (await standards.readiness(storyId).expect(200)).body.data;
      expect(readiness.ready).toBe(true);
      expect(houseViolations(readiness.warnings)).toHaveLength(1);
      setLevel('LEAK-HASH', 'off');
      const off = (await standards.readiness(storyId).expect(200)).body.data;
      expect(houseViolations([...off.errors, ...off.warnings])).toEqual([]);
      expect(off.houseRules).toBeUndefined();

      setLevel('LEAK-HASH', 'warning');
      expect((await cm.publish(UIDS.story, storyId)).status).toBe(200);
      expect(await isPublished(storyId)).toBe(true);
    } finally {
      setLevel('LEAK-HASH', undefined);
    }
  });

  it("is listed in the settings page's rule table with its level and titles", async () => {
    const res = await app
      .request()
      .get('/intelligence-stories/settings/rules')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(res.body.data['LEAK-HASH']).toBe('error');
    expect(res.body.meta.houseRules).toEqual([
      {
        code: 'LEAK-HASH',
        title: { en: expect.any(String), fr: expect.any(String) },
        description: { en: expect.any(String), fr: expect.any(String) },
        fields: ['sourceDocuments'],
      },
    ]);
  });

  it('cannot be registered once the plugin has booted, nor with a malformed definition', () => {
    const service = app.strapi.plugin('intelligence-stories').service('house-rules');
    expect(() =>
      service.register({
        code: 'LATE-RULE',
        title: { en: 'Late', fr: 'Tard' },
        description: { en: 'Late', fr: 'Tard' },
        fields: ['title'],
        check: () => [],
      })
    ).toThrow(/registered after the plugin's bootstrap/);
    expect(() =>
      service.register({
        code: 'R12',
        title: { en: 'x', fr: 'x' },
        description: { en: 'x', fr: 'x' },
        fields: ['title'],
        check: () => [],
      })
    ).toThrow(/house rule R12: code must be capitals/);
    expect(() =>
      service.register({
        code: 'NO-FRENCH',
        title: { en: 'x' },
        description: { en: 'x', fr: 'x' },
        fields: ['title'],
        check: () => [],
      })
    ).toThrow(/title.fr is required/);
  });
  describe('overrides', () => {
    const OVERRIDE = 'plugin::intelligence-stories.rules.override';
    const REASON = 'The cable was authenticated by two officials; its hash is being recorded.';

    const setOverrides = (overrides: Record<string, string>) => {
      const config = app.strapi.config.get(CONFIG_KEY) as Record<string, unknown>;
      app.strapi.config.set(CONFIG_KEY, { ...config, overrides });
    };

    const override = async (
      storyId: string,
      body: Record<string, unknown>,
      token: string = adminToken
    ) =>
      app
        .request()
        .post(`/intelligence-stories/stories/${storyId}/rule-overrides`)
        .set('Authorization', `Bearer ${token}`)
        .send({ revision: await currentRevision(app, storyId), ...body });

    const overrideEntries = (storyId: string) =>
      app.strapi.db
        .query(UIDS.changeLog)
        .findMany({ where: { storyDocumentId: storyId, kind: 'rule_override' } });

    beforeAll(() => setOverrides({ 'LEAK-HASH': OVERRIDE }));
    afterAll(() => setOverrides({}));

    it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
      const { storyId } = await storyOnALeak('Override bad input');
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [
          { rule: 'LEAK-HASH', reason: 'Too short a reason.' },
          /^Reason: write at least 20 characters saying why this story may be published/,
        ],
        [{ rule: 'LEAK-HASH' }, /^Reason: write at least 20 characters/],
        [{ reason: REASON }, /rule is required/],
        [{ rule: 'LEAK-HASH', reason: REASON, extra: 1 }, /unknown field\(s\): extra/],
        // R1 is not overridable: the config names no permission for it.
        [{ rule: 'R1', reason: REASON }, /R1 cannot be overridden/],
      ];
      for (const [body, message] of cases) {
        const res = await override(storyId, body);
        expect({ body, status: res.status, message: res.body.error?.message }).toEqual({
          body,
          status: 400,
          message: expect.stringMatching(message),
        });
      }
      // R8 may be overridden, but it blocks nothing on this draft: there is nothing to lift.
      setOverrides({ 'LEAK-HASH': OVERRIDE, R8: OVERRIDE });
      try {
        const res = await override(storyId, { rule: 'R8', reason: REASON });
        expect([res.status, res.body.error?.message]).toEqual([
          400,
          expect.stringMatching(/R8 blocks nothing on this draft/),
        ]);
      } finally {
        setOverrides({ 'LEAK-HASH': OVERRIDE });
      }
      expect(await overrideEntries(storyId)).toEqual([]);
      expect((await cm.publish(UIDS.story, storyId)).status).toBe(400);
    });

    it('refuses an editor without the permission the config names (403), writing nothing', async () => {
      const { storyId } = await storyOnALeak('Override without permission');
      const reader = await createAdminUser(app, {
        role: await createAdminRole(app, [
          { action: 'plugin::intelligence-stories.sourcing.read' },
        ]),
      });
      const res = await override(storyId, { rule: 'LEAK-HASH', reason: REASON }, reader.token);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect(await overrideEntries(storyId)).toEqual([]);
    });

    it('lets one publish through, recorded; the next publish is checked again', async () => {
      const { storyId } = await storyOnALeak('Overridden leak story');
      const before = (await standards.readiness(storyId).expect(200)).body.data;
      expect(houseViolations(before.errors)).toEqual([
        expect.objectContaining({ path: 'sourceDocuments[1]', overridableBy: OVERRIDE }),
      ]);

      const res = await override(storyId, { rule: 'LEAK-HASH', reason: REASON });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        rule: 'LEAK-HASH',
        reason: REASON,
        overriddenBy: 'Test Admin',
        violations: [{ path: 'sourceDocuments[1]', message: expect.any(String) }],
      });

      // The checklist and the desk show it; the rule's finding is now a lifted warning.
      const after = (await standards.readiness(storyId).expect(200)).body.data;
      expect(after.ready).toBe(true);
      expect(after.overrides).toEqual([res.body.data]);
      expect(houseViolations(after.warnings)).toEqual([
        expect.objectContaining({ overridden: true }),
      ]);
      const desk = await app
        .request()
        .get('/intelligence-stories/desk/stories')
        .query({ q: 'Overridden leak story' })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(desk.body.data[0].overrides).toEqual([res.body.data]);

      // The change log has who, when, which rule and what it covered.
      const [entry] = await overrideEntries(storyId);
      expect(entry).toMatchObject({
        rule: 'LEAK-HASH',
        reason: REASON,
        republishedAt: null,
        draftFingerprint: expect.any(String),
      });

      expect((await cm.publish(UIDS.story, storyId)).status).toBe(200);
      expect(await isPublished(storyId)).toBe(true);

      // Used up by that publish, and in its publication record.
      const [used] = await overrideEntries(storyId);
      expect(used.republishedAt).not.toBeNull();
      const draft = await app.strapi.db
        .query(UIDS.story)
        .findOne({ where: { documentId: storyId, publishedAt: null } });
      expect(draft.lastPublishedOverrides).toEqual([
        expect.objectContaining({ rule: 'LEAK-HASH', reason: REASON }),
      ]);

      // The next publish is checked again.
      const again = await cm.publish(UIDS.story, storyId);
      expect(again.status).toBe(400);
      expect(houseViolations(again.body.error.details.violations)).toHaveLength(1);

      // The desk counts it among the last 30 days' overrides.
      const counts = await app
        .request()
        .get('/intelligence-stories/desk/overrides')
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(counts.body.data).toEqual({ 'LEAK-HASH': 1 });
      expect(counts.body.meta.days).toBe(30);
    });

    it('covers the draft it was decided on only: a change to the draft needs a new one', async () => {
      const { storyId } = await storyOnALeak('Override then edit');
      expect((await override(storyId, { rule: 'LEAK-HASH', reason: REASON })).status).toBe(201);
      await app.strapi.documents(UIDS.story).update({
        documentId: storyId,
        data: { dek: 'A dek written after the override' },
      });
      const readiness = (await standards.readiness(storyId).expect(200)).body.data;
      expect(readiness.ready).toBe(false);
      expect(readiness.overrides).toBeUndefined();
      expect((await cm.publish(UIDS.story, storyId)).status).toBe(400);
    });
  });
});
