import { createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { createSourcedStory, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Violation = { code: string; path: string; message: string };
type PublishOutcome = { ok: boolean; violations: Violation[]; message: string };

describe('the publish gate', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;
  let standards: ReturnType<typeof sourcingApi>;
  let standardsEditorId: number;

  beforeAll(async () => {
    app = await bootStrapi();
    const admin = await createAdminUser(app);
    cm = contentManager(app, admin.token);
    standards = sourcingApi(app, admin.token);
    standardsEditorId = admin.user.id;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const isPublished = async (documentId: string) =>
    Boolean(await app.strapi.documents(UIDS.story).findOne({ documentId, status: 'published' }));

  const outcomeOf = async (publish: () => Promise<unknown>): Promise<PublishOutcome> => {
    try {
      await publish();
      return { ok: true, violations: [], message: '' };
    } catch (error) {
      const { details, message } = error as {
        details?: { violations?: Violation[] };
        message: string;
      };
      return { ok: false, violations: details?.violations ?? [], message };
    }
  };

  const publishPaths: Array<[string, (documentId: string) => Promise<PublishOutcome>]> = [
    [
      "the Content Manager's publish route",
      async (documentId) => {
        const res = await cm.publish(UIDS.story, documentId);
        return {
          ok: res.status === 200,
          violations: res.body.error?.details?.violations ?? [],
          message: res.body.error?.message ?? '',
        };
      },
    ],
    [
      'strapi.documents().publish',
      (documentId) => outcomeOf(() => app.strapi.documents(UIDS.story).publish({ documentId })),
    ],
    [
      // Content releases are an Enterprise feature, off in the community edition these tests run:
      // their publish calls the Document Service inside nested transactions, reproduced here.
      "a content release's publish (Document Service in nested transactions)",
      (documentId) =>
        outcomeOf(() =>
          app.strapi.db.transaction(() =>
            app.strapi.db.transaction(() =>
              app.strapi.documents(UIDS.story).publish({ documentId })
            )
          )
        ),
    ],
  ];

  const newStory = async (title: string, { approve = true } = {}) => {
    const story = await createSourcedStory(app, { title, knownBy: standardsEditorId });
    if (approve) {
      expect((await standards.approve(story.documentId)).status).toBe(200);
    }
    return story.documentId;
  };

  type RuleCase = {
    code: string;
    path: string;
    approve?: boolean;
    breakIt: (documentId: string) => Promise<void>;
    fixIt: (documentId: string) => Promise<void>;
  };

  const reapprove = async (documentId: string) => {
    expect((await standards.approve(documentId)).status).toBe(200);
  };

  const setEditorsWhoKnow = async (storyId: string, editors: number[]) => {
    const story = await app.strapi.documents(UIDS.story).findOne({
      documentId: storyId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    await app.strapi.documents(UIDS.confidentialSource).update({
      documentId: story!.anonymousQuotes![0].confidentialSource!.documentId,
      data: { editorsWhoKnow: editors },
    });
  };

  const ruleCases: RuleCase[] = [
    {
      code: 'R1',
      path: 'sourceDocuments',
      breakIt: async (id) => {
        await app.strapi
          .documents(UIDS.story)
          .update({ documentId: id, data: { sourceDocuments: [], citations: [] } });
      },
      fixIt: async (id) => {
        const story = await app.strapi.documents(UIDS.story).findOne({ documentId: id });
        const documentId = (await app.strapi.documents(UIDS.sourceDocument).findFirst({}))!
          .documentId;
        await app.strapi.documents(UIDS.story).update({
          documentId: story!.documentId,
          data: { sourceDocuments: [documentId] },
        });
      },
    },
    {
      code: 'R2',
      path: 'citations[0].sourceDocument',
      breakIt: async (id) => {
        await app.strapi.documents(UIDS.story).update({
          documentId: id,
          data: { citations: [{ page: 3, passage: 'A passage', passageType: 'quote' }] },
        });
      },
      fixIt: async (id) => {
        const documentId = (await app.strapi.documents(UIDS.sourceDocument).findFirst({}))!
          .documentId;
        await app.strapi.documents(UIDS.story).update({
          documentId: id,
          data: {
            citations: [
              { sourceDocument: documentId, page: 3, passage: 'A passage', passageType: 'quote' },
            ],
          },
        });
      },
    },
    {
      code: 'R3',
      path: 'anonymousQuotes[0].anonymityReason',
      breakIt: (id) => updateQuote(app, id, { anonymityReason: 'on condition of anonymity' }),
      fixIt: async (id) => {
        await updateQuote(app, id, {
          anonymityReason: 'Not authorized to discuss sanctions before they were announced.',
        });
        await reapprove(id);
      },
    },
    {
      code: 'R4',
      path: 'anonymousQuotes[0].attribution',
      breakIt: (id) => updateQuote(app, id, { attribution: 'a source' }),
      fixIt: async (id) => {
        await updateQuote(app, id, {
          attribution: 'a White House official who attended the meeting',
        });
        await reapprove(id);
      },
    },
    {
      code: 'R5',
      path: 'anonymousQuotes[0].confidentialSource',
      breakIt: async (id) => setEditorsWhoKnow(id, []),
      fixIt: async (id) => setEditorsWhoKnow(id, [standardsEditorId]),
    },
    {
      code: 'R6',
      path: 'anonymousQuotes[0].approvalState',
      approve: false,
      breakIt: async () => undefined,
      fixIt: reapprove,
    },
    {
      code: 'R7',
      path: 'anonymousQuotes[0].informationNotOpinion',
      breakIt: (id) => updateQuote(app, id, { informationNotOpinion: false }),
      fixIt: (id) => updateQuote(app, id, { informationNotOpinion: true }),
    },
    {
      code: 'R8',
      path: 'bylines',
      breakIt: async (id) => {
        await app.strapi.documents(UIDS.story).update({ documentId: id, data: { bylines: [] } });
      },
      fixIt: async (id) => {
        await app.strapi
          .documents(UIDS.story)
          .update({ documentId: id, data: { bylines: [{ name: 'A. Reporter' }] } });
      },
    },
    {
      code: 'R10',
      path: 'sourceDocuments[0].keyJudgments[0].text',
      breakIt: async (id) => {
        const document = await app.strapi.documents(UIDS.sourceDocument).create({
          data: {
            title: 'An assessment',
            issuer: 'ODNI',
            pageCount: 15,
            classification: 'declassified',
            keyJudgments: [
              { text: 'Moscow possibly sought to interfere.', confidence: 'moderate' },
            ],
          },
        });
        await app.strapi
          .documents(UIDS.story)
          .update({ documentId: id, data: { sourceDocuments: [document.documentId] } });
      },
      fixIt: async (id) => {
        const story = await app.strapi
          .documents(UIDS.story)
          .findOne({ documentId: id, populate: ['sourceDocuments'] });
        await app.strapi.documents(UIDS.sourceDocument).update({
          documentId: story!.sourceDocuments![0].documentId,
          data: {
            keyJudgments: [
              {
                text: 'Moscow likely sought to interfere.',
                confidence: 'moderate',
                likelihood: 'likely',
              },
            ],
          },
        });
      },
    },
  ];

  describe.each(publishPaths)('through %s', (pathName, publish) => {
    it('publishes a well-sourced story', async () => {
      const id = await newStory(`Well sourced via ${pathName}`);
      expect(await publish(id)).toMatchObject({ ok: true });
      expect(await isPublished(id)).toBe(true);
    });

    it.each(ruleCases.map((ruleCase) => [ruleCase.code, ruleCase] as const))(
      'refuses a story breaking %s, then publishes it once fixed',
      async (code, { path, approve, breakIt, fixIt }) => {
        const id = await newStory(`${code} via ${pathName}`, { approve: approve ?? true });
        await breakIt(id);

        const refused = await publish(id);
        expect(refused.ok).toBe(false);
        expect(refused.violations).toContainEqual(expect.objectContaining({ code, path }));
        expect(refused.message).toContain(`${code} `);
        expect(await isPublished(id)).toBe(false);

        await fixIt(id);
        expect(await publish(id)).toMatchObject({ ok: true, violations: [] });
        expect(await isPublished(id)).toBe(true);
      }
    );

    it('refuses a silent change to a published story (R9) until it is declared non-substantive', async () => {
      const id = await newStory(`R9 via ${pathName}`);
      expect((await publish(id)).ok).toBe(true);
      await app.strapi
        .documents(UIDS.story)
        .update({ documentId: id, data: { title: `R9 via ${pathName}, retitled` } });

      const refused = await publish(id);
      expect(refused.violations).toContainEqual(
        expect.objectContaining({ code: 'R9', path: 'title' })
      );
      const published = await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: id, status: 'published' });
      expect(published?.title).toBe(`R9 via ${pathName}`);

      const tooShort = await standards.declareNonSubstantive(id, 'typo');
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.error.message).toBe(
        'Reason: write at least 10 characters saying why the change does not need a correction.'
      );
      expect(
        await app.strapi.documents(UIDS.changeLog).count({ filters: { storyDocumentId: id } })
      ).toBe(0);

      const declared = await standards.declareNonSubstantive(
        id,
        'Headline shortened; no facts changed.'
      );
      expect(declared.status).toBe(201);
      expect(declared.body.data.changes).toEqual({
        fields: ['title'],
        title: { before: `R9 via ${pathName}`, after: `R9 via ${pathName}, retitled` },
      });
      expect(await publish(id)).toMatchObject({ ok: true });

      const log = await app.strapi
        .documents(UIDS.changeLog)
        .findMany({ filters: { storyDocumentId: id } });
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        reason: 'Headline shortened; no facts changed.',
        republishedAt: expect.any(String),
      });
    });

    it('keeps R9 through an unpublish: unpublishing does not launder a silent change', async () => {
      const id = await newStory(`R9 unpublished via ${pathName}`);
      expect((await publish(id)).ok).toBe(true);
      await app.strapi.documents(UIDS.story).unpublish({ documentId: id });
      await app.strapi.documents(UIDS.story).update({
        documentId: id,
        data: { dek: 'Quietly rewritten while offline' },
      });

      const refused = await publish(id);
      expect(refused.violations).toContainEqual(
        expect.objectContaining({ code: 'R9', path: 'dek' })
      );
      expect(await isPublished(id)).toBe(false);

      const declared = await standards.declareNonSubstantive(id, 'Dek reworded for length only.');
      expect(declared.status).toBe(201);
      expect(await publish(id)).toMatchObject({ ok: true });
    });

    it('lets a correction issued since the last publish cover a change (R9)', async () => {
      const id = await newStory(`R9 corrected via ${pathName}`);
      expect((await publish(id)).ok).toBe(true);
      await app.strapi
        .documents(UIDS.story)
        .update({ documentId: id, data: { dek: 'A corrected dek' } });
      expect((await publish(id)).violations.map((v) => v.code)).toEqual(['R9']);

      await app.strapi.documents(UIDS.correction).create({
        data: {
          storyDocumentId: id,
          kind: 'correction',
          text: 'An earlier version of this story misstated the dek.',
          issuedAt: new Date(Date.now() + 1000).toISOString(),
        },
      });
      expect(await publish(id)).toMatchObject({ ok: true });
    });

    it('lets a correction cover only the change it was issued for (R9)', async () => {
      const id = await newStory(`R9 bound via ${pathName}`);
      expect((await publish(id)).ok).toBe(true);
      const update = (dek: string) =>
        app.strapi.documents(UIDS.story).update({ documentId: id, data: { dek } });
      const correct = () =>
        app.strapi.documents(UIDS.correction).create({
          data: {
            storyDocumentId: id,
            kind: 'correction',
            text: 'An earlier version of this story misstated the dek.',
            issuedAt: new Date().toISOString(),
          },
        });

      // Issued before the edit, it explains the text readers already see, not the edit.
      await correct();
      await update('The dek, edited after the correction');
      expect((await publish(id)).violations).toEqual([
        expect.objectContaining({ code: 'R9', path: 'dek' }),
      ]);

      // Issued for this draft, it lets that draft through.
      await correct();
      expect(await publish(id)).toMatchObject({ ok: true });

      // And no later change: an edit after that publish needs its own.
      await update('The dek, edited once more without a word');
      expect((await publish(id)).violations).toEqual([
        expect.objectContaining({ code: 'R9', path: 'dek' }),
      ]);
      const published = await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: id, status: 'published' });
      expect(published?.dek).toBe('The dek, edited after the correction');
    });
  });

  it("publishes anything once every rule is 'off', and checks again once they are back", async () => {
    const configKey = 'plugin::intelligence-stories';
    const defaults = app.strapi.config.get(configKey) as { rules: Record<string, string> };
    const id = await newStory('Gate off: unapproved quote', { approve: false });
    try {
      app.strapi.config.set(configKey, {
        ...defaults,
        rules: Object.fromEntries(Object.keys(defaults.rules).map((code) => [code, 'off'])),
      });
      await app.strapi.documents(UIDS.story).publish({ documentId: id });
      expect(await isPublished(id)).toBe(true);
    } finally {
      app.strapi.config.set(configKey, defaults);
    }
    const refused = await outcomeOf(() =>
      app.strapi.documents(UIDS.story).publish({ documentId: id })
    );
    expect(refused.violations.map((v) => v.code)).toContain('R6');
  });

  describe("a write with status 'published' (Strapi publishes it past the middlewares)", () => {
    const storiesTitled = (title: string) =>
      app.strapi.db.query(UIDS.story).count({ where: { title } });

    it("is refused on create with the rules' violations, and writes no draft either", async () => {
      const title = 'Created published without a source';
      const outcome = await outcomeOf(() =>
        app.strapi.documents(UIDS.story).create({
          data: { title, slug: 'created-published-without-a-source', kind: 'news' },
          status: 'published',
        })
      );
      expect(outcome.ok).toBe(false);
      expect(outcome.violations.map(({ code }) => code)).toContain('R1');
      expect(await storiesTitled(title)).toBe(0);
    });

    it('is refused on update, and leaves the draft as it was', async () => {
      const documentId = await newStory('Updated published before approval', { approve: false });
      const outcome = await outcomeOf(() =>
        app.strapi.documents(UIDS.story).update({
          documentId,
          data: { dek: 'A dek written in the same call' },
          status: 'published',
        })
      );
      expect(outcome.violations.map(({ code }) => code)).toEqual(['R6']);
      expect(await isPublished(documentId)).toBe(false);
      const draft = await app.strapi.documents(UIDS.story).findOne({ documentId });
      expect(draft!.dek ?? null).toBeNull();
    });

    it('publishes through the one publish path when the story passes: the record is written', async () => {
      const documentId = await newStory('Updated published once approved');
      const published = await app.strapi.documents(UIDS.story).update({
        documentId,
        data: { dek: 'Written and published in one call' },
        status: 'published',
      });
      expect(published).toMatchObject({ documentId, dek: 'Written and published in one call' });
      expect(published!.publishedAt).toBeTruthy();
      const draft = await app.strapi.db
        .query(UIDS.story)
        .findOne({ where: { documentId, publishedAt: null } });
      expect(draft.firstPublishedAt).toBeTruthy();
      expect(draft.lastPublishedContent).toMatchObject({
        dek: 'Written and published in one call',
      });
    });
  });
});
