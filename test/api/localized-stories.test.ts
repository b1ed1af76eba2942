import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { buildPdf } from '../helpers/pdf';
import { GOOD_QUOTE } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { uploadFile } from '../helpers/uploads';

/**
 * Stories per locale (Strapi i18n): one documentId, an English original and a French translation,
 * each with its own draft, publish and gate; R11 checks a translation's citations through their
 * original passages; a translated anonymous quote needs its own approval and stands on its
 * original's; corrections, feeds and JSON-LD are per locale.
 */

const API = '/api/intelligence-stories';

// What page 1 of the PDF says, and the story's two languages of it.
const PDF_SENTENCE =
  'We assess that Russian President Putin authorized influence operations aimed at denigrating President Biden.';
const FR_PASSAGE =
  'Nous estimons que le président russe Poutine a autorisé des opérations d’influence visant à dénigrer le président Biden.';
const FR_QUOTE = 'Il y en aura d’autres bientôt.';

const PUBLIC_ACTIONS = [
  'story.find',
  'story.findOne',
  'story.jsonld',
  'correction.find',
  'correction.rss',
  'correction.jsonFeed',
  'source-document.find',
].map((action) => `plugin::intelligence-stories.${action}`);

describe('stories per locale', () => {
  let app: TestApp;
  let standards: { user: { id: number }; token: string };
  let editor: { token: string };
  let storyId: string;
  let documentId: string;
  let sourceId: string;

  const stories = () => app.strapi.documents(UIDS.story);
  const get = (path: string) => app.request().get(`${API}${path}`);

  /** The readiness of one language version, as the checklist beside the edit view reads it. */
  const readiness = async (locale: string) => {
    const res = await app
      .request()
      .get(`/intelligence-stories/stories/${storyId}/readiness`)
      .query({ locale })
      .set('Authorization', `Bearer ${editor.token}`);
    expect(res.status).toBe(200);
    return res.body.data as {
      ready: boolean;
      revision: string;
      errors: Array<{ code: string; path: string; message: string }>;
    };
  };

  const approve = async (locale: string) => {
    const { revision } = await readiness(locale);
    return app
      .request()
      .post(`/intelligence-stories/stories/${storyId}/quotes/0/approve`)
      .query({ locale })
      .set('Authorization', `Bearer ${standards.token}`)
      .send({ revision });
  };

  const frenchDraft = (overrides: { citation?: object; quote?: object } = {}) => ({
    title: 'Le renseignement américain sur les ingérences de 2020',
    slug: 'renseignement-ingerences-2020',
    kind: 'news' as const,
    translatedFrom: 'en',
    bylines: [{ name: 'A. Reporter' }],
    sourceDocuments: [documentId],
    citations: [
      {
        sourceDocument: documentId,
        page: 1,
        passage: FR_PASSAGE,
        originalPassage: PDF_SENTENCE,
        passageType: 'quote' as const,
        ...overrides.citation,
      },
    ],
    anonymousQuotes: [
      {
        ...GOOD_QUOTE,
        quote: FR_QUOTE,
        originalQuote: GOOD_QUOTE.quote,
        attribution: 'un représentant de l’administration Biden',
        anonymityReason:
          'Le représentant n’était pas autorisé à évoquer d’éventuelles sanctions avant leur annonce.',
        confidentialSource: sourceId,
        ...overrides.quote,
      },
    ],
  });

  const saveFrench = (overrides?: Parameters<typeof frenchDraft>[0]) =>
    stories().update({ documentId: storyId, locale: 'fr', data: frenchDraft(overrides) as never });

  beforeAll(async () => {
    app = await bootStrapi();
    await app.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
    for (const action of PUBLIC_ACTIONS) {
      await grantPublicPermission(app, action);
    }
    editor = await createAdminUser(app);
    standards = await createAdminUser(app);

    const file = await uploadFile(app, await buildPdf([[PDF_SENTENCE], ['Page two.']]));
    const document = await app.strapi.documents(UIDS.sourceDocument).create({
      data: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'ODNI',
        pageCount: 2,
        classification: 'declassified',
        file: file.id,
      },
    });
    documentId = document.documentId;
    await app.strapi.documents(UIDS.sourceDocument).publish({ documentId });
    await app.strapi.plugin('intelligence-stories').service('text-extraction').drain();

    const source = await app.strapi.documents(UIDS.confidentialSource).create({
      data: {
        alias: 'ADMIN-REP-FR',
        identity: 'A named official',
        editorsWhoKnow: [standards.user.id],
      },
    } as never);
    sourceId = source.documentId;

    const english = await stories().create({
      data: {
        title: 'US intelligence on 2020 election interference',
        slug: 'us-intelligence-2020-interference',
        kind: 'news',
        bylines: [{ name: 'A. Reporter' }],
        sourceDocuments: [documentId],
        citations: [
          { sourceDocument: documentId, page: 1, passage: PDF_SENTENCE, passageType: 'quote' },
        ],
        anonymousQuotes: [{ ...GOOD_QUOTE, confidentialSource: sourceId }],
      } as never,
    });
    storyId = english.documentId;
    expect(english.locale).toBe('en');
    expect((await approve('en')).status).toBe(200);
    await stories().publish({ documentId: storyId, locale: 'en' });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('keeps each language version its own draft: the French one is refused at its own gate while the English one stays published', async () => {
    await saveFrench();
    await expect(stories().publish({ documentId: storyId, locale: 'fr' })).rejects.toMatchObject({
      message: expect.stringContaining('R6'),
    });

    const published = await stories().findMany({
      filters: { documentId: storyId },
      locale: '*',
      status: 'published',
      fields: ['locale'],
    });
    expect(published.map(({ locale }) => locale)).toEqual(['en']);
    expect((await get(`/stories/renseignement-ingerences-2020?locale=fr`)).status).toBe(404);
    expect((await get(`/stories/us-intelligence-2020-interference`)).body.data.locale).toBe('en');
  });

  it('refuses a translation naming a locale it has no version in, and writes nothing', async () => {
    for (const translatedFrom of ['de', 'fr']) {
      await expect(
        stories().update({
          documentId: storyId,
          locale: 'fr',
          data: { title: 'Titre jamais enregistré', translatedFrom } as never,
        })
      ).rejects.toMatchObject({ message: expect.stringContaining('Translated from') });
    }
    const french = await stories().findOne({ documentId: storyId, locale: 'fr', status: 'draft' });
    expect(french).toMatchObject({ translatedFrom: 'en', title: frenchDraft().title });
  });

  it('checks a translated citation against the PDF through its original passage (R11)', async () => {
    const r11 = async () =>
      (await readiness('fr')).errors.filter(({ code }) => code === 'R11').map(({ path }) => path);
    // The French passage is nowhere in the English PDF; its original is, on the cited page.
    expect(await r11()).toEqual([]);

    await saveFrench({ citation: { originalPassage: 'A sentence the report never wrote.' } });
    expect(await r11()).toEqual(['citations[0].originalPassage']);

    await saveFrench({ citation: { originalPassage: null } });
    const missing = (await readiness('fr')).errors.find(({ code }) => code === 'R11');
    expect(missing).toMatchObject({ path: 'citations[0].originalPassage' });
    expect(missing!.message).toContain('Original passage');

    await saveFrench();
    expect(await r11()).toEqual([]);
  });

  it('refuses a translated quote until its own approval, which stands on the original quote’s', async () => {
    const r6 = async () =>
      (await readiness('fr')).errors.filter(({ code }) => code === 'R6').map(({ path }) => path);
    // The English approval does not cover the French text.
    expect(await r6()).toEqual(['anonymousQuotes[0].approvalState']);

    expect((await approve('fr')).status).toBe(200);
    expect(await readiness('fr')).toMatchObject({ ready: true, errors: [] });

    // The original quote edited in the English draft (the same entry, its approval kept and now
    // void): the French approval no longer stands either, though its own text did not change.
    const english = (await stories().findOne({
      documentId: storyId,
      locale: 'en',
      status: 'draft',
      populate: { anonymousQuotes: true },
    })) as unknown as { anonymousQuotes: Array<{ id: number }> };
    const quote = {
      ...GOOD_QUOTE,
      id: english.anonymousQuotes[0].id,
      confidentialSource: sourceId,
    };
    const editEnglishQuote = (text: string) =>
      stories().update({
        documentId: storyId,
        locale: 'en',
        data: { anonymousQuotes: [{ ...quote, quote: text }] } as never,
      });
    await editEnglishQuote('There will be more, soon.');
    expect(await r6()).toEqual(['anonymousQuotes[0].approvalState']);
    expect((await readiness('fr')).errors[0].message).toContain('translation');

    // Back to the approved text: the original's approval covers it again, and the French stands.
    await editEnglishQuote(GOOD_QUOTE.quote);
    expect(await r6()).toEqual([]);

    // Approved in French with another source than the original's: it is not that quote's
    // translation, whatever its text (the source is shared between versions, never another one).
    const other = await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'OTHER-FR', identity: 'Someone else', editorsWhoKnow: [standards.user.id] },
    } as never);
    await saveFrench({ quote: { confidentialSource: other.documentId } });
    expect((await approve('fr')).status).toBe(200);
    expect(await r6()).toEqual(['anonymousQuotes[0].approvalState']);
    await saveFrench();
    expect(await r6()).toEqual(['anonymousQuotes[0].approvalState']);
    expect((await approve('fr')).status).toBe(200);
    expect(await r6()).toEqual([]);
  });

  it('publishes the French version on its own and serves each language by locale', async () => {
    await stories().publish({ documentId: storyId, locale: 'fr' });

    const french = await get('/stories/renseignement-ingerences-2020?locale=fr');
    expect(french.status).toBe(200);
    expect(french.body.data).toMatchObject({
      documentId: storyId,
      locale: 'fr',
      translatedFrom: 'en',
      title: 'Le renseignement américain sur les ingérences de 2020',
    });
    expect(french.body.data.citations[0]).toMatchObject({
      passage: FR_PASSAGE,
      originalPassage: PDF_SENTENCE,
    });
    expect(french.body.data.anonymousQuotes[0].quote).toBe(FR_QUOTE);
    expect(JSON.stringify(french.body)).not.toContain('ADMIN-REP-FR');

    // By documentId too, each locale its own version; the default locale is the app's.
    expect((await get(`/stories/${storyId}?locale=fr`)).body.data.locale).toBe('fr');
    expect((await get(`/stories/${storyId}`)).body.data.locale).toBe('en');
    // A slug is a language's: the French one does not answer in English.
    expect((await get('/stories/renseignement-ingerences-2020')).status).toBe(404);

    const lists = await Promise.all([get('/stories'), get('/stories?locale=fr')]);
    expect(
      lists.map((res) => res.body.data.map((story: { locale: string }) => story.locale))
    ).toEqual([['en'], ['fr']]);
  });

  it('refuses a locale the app does not have, naming the parameter, and takes none on source documents', async () => {
    const unknown = await get('/stories?locale=de');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^locale: .*"de".*en, fr/);
    for (const path of ['/corrections.json?locale=de', `/stories/${storyId}/jsonld?locale=de`]) {
      expect((await get(path)).status).toBe(400);
    }
    const documents = await get('/source-documents?locale=fr');
    expect(documents.status).toBe(400);
    expect(documents.body.error.message).toMatch(/^locale: /);
  });

  it('issues a correction in one locale only: its story, feeds and JSON-LD show it, the other language’s do not', async () => {
    const count = () => app.strapi.db.query(UIDS.correction).count();
    const before = await count();
    const refused = await app
      .request()
      .post(`/intelligence-stories/stories/${storyId}/corrections`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({
        kind: 'correction',
        text: 'A correction in a language this site does not have.',
        locale: 'de',
      });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^locale: .*"de"/);
    expect(await count()).toBe(before);

    const issued = await app
      .request()
      .post(`/intelligence-stories/stories/${storyId}/corrections`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({
        kind: 'correction',
        locale: 'fr',
        translationOnly: true,
        text: 'Une version antérieure de cette traduction rendait mal la citation du rapport.',
      });
    expect(issued.status).toBe(201);
    expect(issued.body.data).toMatchObject({ locale: 'fr', held: false });
    const correctionId = issued.body.data.documentId;

    const inFrench = await get('/stories/renseignement-ingerences-2020?locale=fr');
    expect(inFrench.body.data.corrections.map((c: { documentId: string }) => c.documentId)).toEqual(
      [correctionId]
    );
    expect((await get(`/stories/${storyId}`)).body.data.corrections).toEqual([]);

    const [feedFr, feedEn] = await Promise.all([
      get('/corrections.json?locale=fr'),
      get('/corrections.json'),
    ]);
    expect(feedFr.body.language).toBe('fr');
    expect(feedFr.body.feed_url).toMatch(/\/corrections\.json\?locale=fr$/);
    expect(feedFr.body.items.map((item: { id: string }) => item.id)).toEqual([correctionId]);
    expect(feedFr.body.items[0].url).toContain('locale=fr');
    expect(feedEn.body.items).toEqual([]);
    const list = await get('/corrections?locale=fr');
    expect(list.body.data.map((c: { documentId: string }) => c.documentId)).toEqual([correctionId]);
    expect((await get('/corrections')).body.data).toEqual([]);
    const rss = await get('/corrections.rss?locale=fr');
    expect(rss.text).toContain('<language>fr</language>');
    expect(rss.text).toContain(correctionId);
    expect((await get('/corrections.rss')).text).not.toContain(correctionId);

    const ldFr = (await get(`/stories/${storyId}/jsonld?locale=fr`)).body;
    expect(ldFr.correction.map((c: { text: string }) => c.text)).toEqual([
      'Une version antérieure de cette traduction rendait mal la citation du rapport.',
    ]);
    expect((await get(`/stories/${storyId}/jsonld`)).body.correction).toEqual([]);
  });

  it('offers a factual correction to the other language’s editors until they carry it over, and not a translation slip', async () => {
    const issue = (body: Record<string, unknown>) =>
      app
        .request()
        .post(`/intelligence-stories/stories/${storyId}/corrections`)
        .set('Authorization', `Bearer ${editor.token}`)
        .send(body);
    const offered = async (locale: string) => {
      const res = await app
        .request()
        .get(`/intelligence-stories/stories/${storyId}/corrections/carry-over`)
        .query({ locale })
        .set('Authorization', `Bearer ${editor.token}`);
      expect(res.status).toBe(200);
      return res.body.data as Array<{ documentId: string; locale: string; text: string }>;
    };
    // The French slip (translation only) is not offered to the English editors.
    expect(await offered('en')).toEqual([]);

    const factual = await issue({
      kind: 'correction',
      text: 'An earlier version of this story gave the wrong date for the report’s release.',
    });
    expect(factual.status).toBe(201);
    const english = factual.body.data.documentId;
    expect((await offered('fr')).map(({ documentId, locale }) => [documentId, locale])).toEqual([
      [english, 'en'],
    ]);

    // Carrying over names a correction of this story in another language, or writes nothing.
    const count = () => app.strapi.db.query(UIDS.correction).count();
    const before = await count();
    const refused = await issue({
      kind: 'correction',
      locale: 'en',
      carriedFrom: english,
      text: 'A copy of an English correction into English, which is no carrying over at all.',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Carried over from');
    expect(await count()).toBe(before);

    const carried = await issue({
      kind: 'correction',
      locale: 'fr',
      carriedFrom: english,
      text: 'Une version antérieure de cet article donnait une date erronée pour la publication du rapport.',
    });
    expect(carried.status).toBe(201);
    expect(await offered('fr')).toEqual([]);
    expect(await offered('en')).toEqual([]);
  });

  it('links the versions in JSON-LD: inLanguage, translationOfWork and workTranslation', async () => {
    const [en, fr] = await Promise.all([
      get(`/stories/${storyId}/jsonld`),
      get(`/stories/${storyId}/jsonld?locale=fr`),
    ]);
    expect(en.body.inLanguage).toBe('en');
    expect(fr.body.inLanguage).toBe('fr');
    expect(fr.body.translationOfWork).toEqual({
      '@type': 'NewsArticle',
      '@id': en.body['@id'],
      inLanguage: 'en',
    });
    expect(en.body.workTranslation).toEqual([
      { '@type': 'NewsArticle', '@id': fr.body['@id'], inLanguage: 'fr' },
    ]);
    expect(fr.body['@id']).toMatch(/renseignement-ingerences-2020\?locale=fr$/);
    expect(en.body.translationOfWork).toBeUndefined();
  });

  it('unpublishes one language version and leaves the other to readers', async () => {
    await stories().unpublish({ documentId: storyId, locale: 'fr' });
    expect((await get(`/stories/${storyId}?locale=fr`)).status).toBe(404);
    expect((await get(`/stories/${storyId}`)).status).toBe(200);
    expect((await get('/corrections.json?locale=fr')).body.items).toEqual([]);
    // The English JSON-LD no longer names a translation readers cannot reach.
    expect((await get(`/stories/${storyId}/jsonld`)).body.workTranslation).toBeUndefined();
  });
});
