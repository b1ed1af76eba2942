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
