import { getService } from '../utils/get-service';
import { CORRECTION_UID, QUOTE_DECISION_UID } from '../utils/plugin-id';
import type { Migration } from './types';

/**
 * Stories became localized (Strapi i18n): Strapi gives the rows of an earlier version the default
 * locale. A correction, a quote decision and a public snapshot name the language version they
 * belong to; those written before name none, and belonged to that same one. Then every published
 * story's snapshot is written again, its rows now per locale. Rows already named keep theirs, so
 * running it again changes nothing.
 */
export const localizeCorrections: Migration = {
  name: 'localize-corrections',
  async up(strapi) {
    const locale = await getService('locales', { strapi }).defaultLocale();
    let changed = 0;
    for (const uid of [CORRECTION_UID, QUOTE_DECISION_UID]) {
      const { count } = await strapi.db
        .query(uid)
        .updateMany({ where: { storyLocale: { $null: true } }, data: { storyLocale: locale } });
      changed += Number(count);
    }
    return changed + (await getService('public-snapshot', { strapi }).refreshAll());
  },
};
