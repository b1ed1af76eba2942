import { backfillApprovedTexts } from './backfill-approved-texts';
import { backfillRevisions } from './backfill-revisions';
import { bindEarlierCorrections } from './bind-earlier-corrections';
import { localizeCorrections } from './localize-corrections';
import { backfillStoryPublications } from './backfill-story-publications';
import { queueEarlierPdfs } from './queue-earlier-pdfs';
import { snapshotAdminNames } from './snapshot-admin-names';
import { snapshotPublicCorrections, snapshotPublicStories } from './snapshot-public-stories';
import type { Migration } from './types';
import { voidLegacyQuoteApprovals } from './void-legacy-quote-approvals';

/**
 * Every data migration, in the order they run. Append new ones at the end; a shipped one is
 * never renamed, reordered or removed, because the record of migrations done is keyed by name.
 */
export const MIGRATIONS: readonly Migration[] = [
  voidLegacyQuoteApprovals,
  snapshotAdminNames,
  backfillStoryPublications,
  backfillRevisions,
  queueEarlierPdfs,
  snapshotPublicStories,
  bindEarlierCorrections,
  snapshotPublicCorrections,
  backfillApprovedTexts,
  localizeCorrections,
];
