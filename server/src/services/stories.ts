import type { Core } from '@strapi/strapi';

import type { PublicCorrection } from '../../../shared/contracts/corrections';
import type { Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { inSelectionOrder, PUBLIC_STORY_SHAPE } from '../utils/public-fields';
import type { PublicQuery } from './public-api';

/** A published story and its corrections: the Content API's PublicStory, as the server types it. */
export type StoryWithCorrections = Story & { corrections: PublicCorrection[] };

const stories = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findPublished(query: PublicQuery<typeof STORY_UID>) {
    const { results, total } = await getService('public-api', { strapi }).findPublishedPage(
      STORY_UID,
      query,
      PUBLIC_STORY_SHAPE
    );
    return { results: inSelectionOrder(results as Story[], PUBLIC_STORY_SHAPE), total };
  },

  /** One published story by its slug or its documentId. */
  async findPublishedOne(
    slugOrDocumentId: string,
    query: Pick<PublicQuery<typeof STORY_UID>, 'fields' | 'locale'>
  ) {
    const story = await getService('public-api', { strapi }).findPublishedOne(
      STORY_UID,
      { $or: [{ slug: slugOrDocumentId }, { documentId: slugOrDocumentId }] },
      query,
      PUBLIC_STORY_SHAPE
    );
    return inSelectionOrder(story as Story | null, PUBLIC_STORY_SHAPE);
  },

  /**
   * Appends each story's public corrections, oldest first. Called on already-sanitized stories:
   * corrections are not a story attribute, so Strapi's output sanitizer would not know them.
   */
  async withCorrections(
    found: Story[],
    /** The stories' language version: corrections are per locale. */
    locale: string,
    // Their corrections when the caller has read them already (the public snapshot does).
    read?: Map<string, PublicCorrection[]>
  ): Promise<StoryWithCorrections[]> {
    const byStory =
      read ??
      (await getService('corrections', { strapi }).publicByStory(
        found.map((story) => story.documentId),
        locale
      ));
    return found.map((story) => {
      const corrections = byStory.get(story.documentId) ?? [];
      const lastIssued = corrections[corrections.length - 1]?.issuedAt;
      // Issuing a correction updates the story for readers, though no version was republished.
      const updatedAt =
        lastIssued && Date.parse(String(lastIssued)) > Date.parse(String(story.updatedAt))
          ? lastIssued
          : story.updatedAt;
      return { ...story, updatedAt, corrections };
    });
  },
});

export default stories;
