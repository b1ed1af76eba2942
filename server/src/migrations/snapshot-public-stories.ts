import { getService } from '../utils/get-service';
import type { Migration } from './types';

/**
 * The public routes read each published story from its snapshot (services/public-snapshot),
 * written when what readers see changes. Stories published by an earlier version have none yet:
 * each gets it here, composed as the live read composes it. Rewriting a snapshot gives the same
 * row, so running it again changes nothing.
 */
export const snapshotPublicStories: Migration = {
  name: 'snapshot-public-stories',
  async up(strapi) {
    return getService('public-snapshot', { strapi }).refreshAll();
  },
};

/**
 * The feeds read their corrections from the same snapshot (services/public-correction-snapshot),
 * which the release that first wrote story snapshots did not write yet: every published story's
 * snapshot is written again, its corrections' rows with it. An upgrade from before either runs
 * both; the second writes the same rows again.
 */
export const snapshotPublicCorrections: Migration = {
  name: 'snapshot-public-corrections',
  async up(strapi) {
    return getService('public-snapshot', { strapi }).refreshAll();
  },
};
