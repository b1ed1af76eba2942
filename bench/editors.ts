import type { Core } from '@strapi/strapi';

import { storyContent } from './content';
import type { EditorsSetup } from './protocol';
import { createEditor, createPublishedStory, createStoryLinks } from './publish';

/**
 * The mixed load's newsroom (server side): a super admin who logs in over HTTP, and one published,
 * ready story per editor, which that editor corrects and republishes while readers read.
 */

// Far from the seeded indexes and from the publish-cost step's (900,000 on).
const FIRST_STORY = 800_000;

// Meets Strapi's admin password rules (length, upper case, digit).
const PASSWORD = 'Bench-editor-1';

export const prepareEditors = async (
  strapi: Core.Strapi,
  { stories }: { stories: number }
): Promise<EditorsSetup> => {
  const editor = await createEditor(strapi, PASSWORD);
  const links = await createStoryLinks(strapi, editor, FIRST_STORY);
  const prepared = [];
  for (let i = 0; i < stories; i += 1) {
    const documentId = await createPublishedStory(strapi, FIRST_STORY + i, links, editor);
    prepared.push({ documentId, slug: storyContent(FIRST_STORY + i).slug });
  }
  return { email: editor.email, password: PASSWORD, stories: prepared };
};
