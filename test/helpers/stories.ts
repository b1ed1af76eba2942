import type { TestApp } from './strapi';

export const STORY_UID = 'plugin::intelligence-stories.story';

type StoryInput = { title: string; slug?: string; dek?: string; editorNotes?: string };

/**
 * Creates a story through the Document Service, as the Content Manager would, and publishes it
 * unless asked to leave it as a draft.
 */
export const createStory = async (
  app: TestApp,
  data: StoryInput,
  { publish = true }: { publish?: boolean } = {}
) => {
  const documents = app.strapi.documents(STORY_UID);
  const slug = data.slug ?? data.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const draft = await documents.create({ data: { ...data, slug } });
  if (publish) {
    await documents.publish({ documentId: draft.documentId });
  }
  return draft;
};
