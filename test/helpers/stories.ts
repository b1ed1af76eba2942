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

/**
 * Creates a story through the Document Service, as the Content Manager would, and publishes it
 * unless asked to leave it as a draft.
 */
export const createStory = async (
  app: TestApp,
  data: { title: string; slug?: string; dek?: string; editorNotes?: string },
  { publish = true }: { publish?: boolean } = {}
) => {
  const documents = app.strapi.documents(STORY_UID);
  const slug = data.slug ?? data.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const draft = await documents.create({ data: { kind: 'news', ...data, slug } });
  if (publish) {
    await documents.publish({ documentId: draft.documentId });
  }
  return draft;
};
