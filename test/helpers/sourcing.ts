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

/** The story's current revision: what an editor who has just reviewed it sends with a decision. */
export const currentRevision = async (app: TestApp, documentId: string) =>
  ((
    await app.strapi
      .documents(UIDS.story)
      .findOne({ documentId, status: 'draft', fields: ['revision'] })
  )?.revision ?? null) as string | null;

const adminApi = (app: TestApp, token: string) => {
  const post = async (path: string, documentId: string, body: Record<string, unknown>) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(
        'revision' in body ? body : { revision: await currentRevision(app, documentId), ...body }
      );

  return {
    readiness: (documentId: string) =>
      app
        .request()
        .get(`/intelligence-stories/stories/${documentId}/readiness`)
        .set('Authorization', `Bearer ${token}`),
    /** Approves as an editor who reviewed the current revision, unless `body.revision` says otherwise. */
    approve: (documentId: string, index = 0, body: Record<string, unknown> = {}) =>
      post(`quotes/${index}/approve`, documentId, body),
    reject: (documentId: string, index = 0, body: Record<string, unknown> = {}) =>
      post(`quotes/${index}/reject`, documentId, body),
    declareNonSubstantive: (
      documentId: string,
      reason: string,
      body: Record<string, unknown> = {}
    ) => post('non-substantive-change', documentId, { reason, ...body }),
  };
};

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
        // A paraphrase: the shared document has no PDF, so a quote would carry R11's warning.
        { sourceDocument: documentId, page: 15, passage: 'A passage', passageType: 'paraphrase' },
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
