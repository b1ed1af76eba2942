import { sharedSourceDocument } from './stories';
import type { TestApp } from './strapi';
import { UIDS } from './uids';

export const GOOD_QUOTE = {
  quote: 'There will be more soon.',
  attribution: 'a representative of the Biden administration',
  anonymityReason:
    'The representative was not authorized to discuss possible sanctions before they were announced.',
  howSourceKnows: 'Works on the administration’s response to Russia.',
  informationNotOpinion: true,
};

const adminApi = (app: TestApp, token: string) => ({
  readiness: (documentId: string) =>
    app
      .request()
      .get(`/intelligence-stories/stories/${documentId}/readiness`)
      .set('Authorization', `Bearer ${token}`),
  approve: (documentId: string, index = 0, body: Record<string, unknown> = {}) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/quotes/${index}/approve`)
      .set('Authorization', `Bearer ${token}`)
      .send(body),
  reject: (documentId: string, index = 0, body: Record<string, unknown> = {}) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/quotes/${index}/reject`)
      .set('Authorization', `Bearer ${token}`)
      .send(body),
  declareNonSubstantive: (documentId: string, reason: string) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/non-substantive-change`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reason }),
});

export const sourcingApi = adminApi;

/**
 * A story draft every editorial rule accepts once its quote is approved: a cited source document,
 * a byline, and an attested anonymous quote whose confidential source an editor knows.
 */
export const createSourcedStory = async (
  app: TestApp,
  { title, knownBy }: { title: string; knownBy: number }
) => {
  const documentId = await sharedSourceDocument(app);
  const source = await app.strapi.documents(UIDS.confidentialSource).create({
    data: {
      alias: `SRC-${title.slice(0, 20)}`,
      identity: 'A named official',
      editorsWhoKnow: [knownBy],
    },
  });
  return app.strapi.documents(UIDS.story).create({
    data: {
      title,
      slug: title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      kind: 'news',
      bylines: [{ name: 'A. Reporter' }],
      sourceDocuments: [documentId],
      citations: [
        { sourceDocument: documentId, page: 15, passage: 'A passage', passageType: 'quote' },
      ],
      anonymousQuotes: [{ ...GOOD_QUOTE, confidentialSource: source.documentId }],
    },
  });
};

/** Rewrites a story's quotes from code the way the Content Manager does: each with its row id. */
export const updateQuote = async (
  app: TestApp,
  documentId: string,
  changes: Record<string, unknown>
) => {
  const story = await app.strapi.documents(UIDS.story).findOne({
    documentId,
    populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
  });
  const [quote] = story!.anonymousQuotes!;
  await app.strapi.documents(UIDS.story).update({
    documentId,
    data: {
      anonymousQuotes: [
        {
          id: quote.id,
          quote: quote.quote ?? '',
          attribution: quote.attribution ?? '',
          anonymityReason: quote.anonymityReason ?? '',
          informationNotOpinion: quote.informationNotOpinion ?? false,
          ...changes,
        },
      ],
    },
  });
};
