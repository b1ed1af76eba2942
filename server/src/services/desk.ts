import type { Core, Modules } from '@strapi/strapi';

import type { DeskState, DeskStory } from '../../../shared/contracts/desk';
import type { Story } from '../types/content-types';
import { documentState } from '../utils/document-state';
import { getService } from '../utils/get-service';
import type { PaginationParams } from '../utils/pagination';
import type { UserAbility } from './content-manager-links';
import { STORY_UID } from '../utils/plugin-id';

export type { DeskState, DeskStory };

export type DeskQuery = {
  q?: string;
  state?: DeskState;
  /** The stories' language version (Strapi i18n): the app's default unless named. */
  locale: string;
  pagination: PaginationParams;
  /** The user asking, for `canOpen`; without it no story is said to open. */
  userAbility?: UserAbility;
};

/**
 * The desk's overview of stories: each draft with its publication state (as the Content Manager
 * computes it), its readiness counts, its quotes awaiting a decision and its corrections. Readiness
 * runs the rules per story, so the page is kept small (it is a working list, not an archive).
 */
const desk = ({ strapi }: { strapi: Core.Strapi }) => {
  // A state is a set of documentIds, computed from two light lists (documentId, updatedAt), the
  // way the Content Manager tells "modified" (the draft saved after the published version).
  const stateFilter = async (state: DeskState | undefined, locale: string) => {
    if (!state) {
      return {};
    }
    const versions = (status: 'draft' | 'published') =>
      strapi.documents(STORY_UID).findMany({
        status,
        locale,
        fields: ['documentId', 'updatedAt', 'publishedAt'],
      }) as Promise<Story[]>;
    const [drafts, published] = await Promise.all([versions('draft'), versions('published')]);
    const live = new Map(published.map((story) => [story.documentId, story]));
    const ids = drafts
      .filter((draft) => {
        const version = live.get(draft.documentId);
        return documentState(strapi, draft, version) === state;
      })
      .map(({ documentId }) => documentId);
    return { documentId: { $in: ids } };
  };

  return {
    async list({ q, state, locale, pagination, userAbility }: DeskQuery) {
      const filters = {
        ...(q ? { title: { $containsi: q } } : {}),
        ...(await stateFilter(state, locale)),
      } as Modules.Documents.ServiceParams<typeof STORY_UID>['findMany']['filters'];
      const documents = strapi.documents(STORY_UID);
      const [drafts, total] = await Promise.all([
        documents.findMany({
          status: 'draft',
          locale,
          filters,
          fields: ['title', 'slug', 'kind', 'updatedAt', 'firstPublishedAt', 'revision'],
          sort: [{ updatedAt: 'desc' }, { id: 'desc' }],
          ...pagination,
        }) as Promise<Story[]>,
        documents.count({ status: 'draft', locale, filters }),
      ]);
      const ids = drafts.map(({ documentId }) => documentId);
      const [published, corrections, openable] = await Promise.all([
        documents.findMany({
          status: 'published',
          locale,
          filters: { documentId: { $in: ids } },
          fields: ['updatedAt', 'publishedAt'],
        }) as Promise<Story[]>,
        getService('corrections', { strapi }).publicByStory(ids, locale),
        getService('content-manager-links', { strapi }).openableStories(userAbility, ids),
      ]);
      const publishedById = new Map(published.map((story) => [story.documentId, story]));
      const readiness = getService('readiness', { strapi });

      const results: DeskStory[] = await Promise.all(
        drafts.map(async (draft) => {
          const live = publishedById.get(draft.documentId);
          const { readiness: verdict } = await readiness.assess(draft.documentId, locale);
          const storyCorrections = corrections.get(draft.documentId) ?? [];
          return {
            documentId: draft.documentId,
            locale,
            title: draft.title,
            slug: draft.slug,
            kind: draft.kind,
            state: documentState(strapi, draft, live),
            updatedAt: draft.updatedAt,
            publishedAt: live?.publishedAt ?? null,
            firstPublishedAt: draft.firstPublishedAt ?? null,
            revision: draft.revision ?? null,
            readiness: {
              ready: verdict.ready,
              errors: verdict.errors.length,
              warnings: verdict.warnings.length,
            },
            overrides: verdict.overrides ?? [],
            pendingApprovals: verdict.awaitingDecision.length,
            awaitingDecision: verdict.awaitingDecision,
            corrections: storyCorrections.length,
            lastCorrectionAt: storyCorrections[storyCorrections.length - 1]?.issuedAt ?? null,
            canOpen: openable.has(draft.documentId),
          };
        })
      );
      return { results, total };
    },
  };
};

export default desk;
