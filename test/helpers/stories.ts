import type { Modules } from '@strapi/strapi';

import type { TestApp } from './strapi';
import { UIDS } from './uids';

export const STORY_UID = UIDS.story;

type StoryInput = Modules.Documents.Params.Data.Input<typeof STORY_UID>;

/**
 * A draft as an editor may save it: Strapi accepts drafts without their required fields, but its
 * generated Input type always demands them (slug, kind), hence the one cast.
 */
export const createStoryDraft = (app: TestApp, data: Partial<StoryInput>) =>
  app.strapi.documents(STORY_UID).create({ data: data as StoryInput });

const sourceDocuments = new WeakMap<TestApp, Promise<string>>();

/** One published source document per app, for stories that only need to satisfy R1. */
export const sharedSourceDocument = (app: TestApp) => {
  if (!sourceDocuments.has(app)) {
    sourceDocuments.set(
      app,
      (async () => {
        const documents = app.strapi.documents(UIDS.sourceDocument);
        const created = await documents.create({
          data: {
            title: 'Foreign Threats to the 2020 US Federal Elections',
            issuer: 'ODNI',
            pageCount: 15,
            classification: 'declassified',
          },
        });
        await documents.publish({ documentId: created.documentId });
        return created.documentId;
      })()
    );
  }
  return sourceDocuments.get(app)!;
};

/**
 * Creates a story through the Document Service, as the Content Manager would, citing a source
 * document so that it passes the publish gate, and publishes it unless asked to leave it a draft.
 */
export const createStory = async (
  app: TestApp,
  data: { title: string; slug?: string; dek?: string; editorNotes?: string },
  { publish = true }: { publish?: boolean } = {}
) => {
  const documents = app.strapi.documents(STORY_UID);
  const slug = data.slug ?? data.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const draft = await documents.create({
    data: { kind: 'news', sourceDocuments: [await sharedSourceDocument(app)], ...data, slug },
  });
  if (publish) {
    await documents.publish({ documentId: draft.documentId });
  }
  return draft;
};
