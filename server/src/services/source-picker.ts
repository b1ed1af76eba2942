import type { Core } from '@strapi/strapi';

import { contentManagerConfigurationService } from '../strapi-internals/content-manager';
import type { ConfidentialSource } from '../types/content-types';
import { ANONYMOUS_QUOTE_UID, CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';

/** What the story form's source picker shows of a source: its alias, and the ids it links by. */
const PICKER_FIELDS = ['id', 'documentId', 'alias', 'updatedAt', 'publishedAt'] as const;

// The anonymous quote's relation to the register, and the one field of a source it is labelled by.
const SOURCE_FIELD = 'confidentialSource';
const LABEL_FIELD = 'alias';

export type PickedSource = Pick<ConfidentialSource, (typeof PICKER_FIELDS)[number]>;

export type PickerQuery = {
  search?: string;
  /** How the search matches an alias: anywhere (the picker's default) or at its start. */
  match?: 'contains' | 'startsWith';
  page: number;
  pageSize: number;
  /** Row ids the form has already connected (not yet saved): not offered again. */
  idsToOmit: number[];
  /** Row ids the form has disconnected (not yet saved): offered again although still linked. */
  idsToInclude: number[];
  /** The anonymous-quote component being edited, whose linked source is not offered again. */
  quoteId?: number;
};

const pageOf = <T>(results: T[], page: number, pageSize: number, total: number) => ({
  results,
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});

/**
 * The Content Manager's relation picker for an anonymous quote's confidential source, in the
 * shape the Content Manager's own relation routes answer. Strapi's picker would label sources by
 * document id for anyone without Content Manager rights on the register (which nobody holds); this
 * one shows aliases, and nothing else of the register.
 */
const sourcePicker = ({ strapi }: { strapi: Core.Strapi }) => {
  const linkedSource = async (quoteId: number) => {
    const quote = (await strapi.db.query(ANONYMOUS_QUOTE_UID).findOne({
      where: { id: quoteId },
      select: ['id'],
      populate: { confidentialSource: { select: [...PICKER_FIELDS] } },
    })) as { confidentialSource?: PickedSource | null } | null;
    return quote;
  };

  return {
    /**
     * The Content Manager labels a quote's source by the field its view names (the quote's
     * "Entry title" for the relation), which this picker must answer: only the alias may be it.
     * Set at every boot, whatever "Configure the view" stored: another field would show as a bare
     * document id, and no other field of the register is the picker's to answer.
     */
    async labelSourcesByAlias() {
      const components = contentManagerConfigurationService(strapi, 'components');
      const stored = await components.findConfiguration({ uid: ANONYMOUS_QUOTE_UID });
      const metadata = stored.metadatas?.[SOURCE_FIELD];
      if (!metadata || metadata.edit.mainField === LABEL_FIELD) {
        return;
      }
      // What the Content Manager stores of a view; it adds the uid and kind itself.
      const { settings, layouts, metadatas } = stored;
      await components.updateConfiguration(
        { uid: ANONYMOUS_QUOTE_UID },
        {
          settings,
          layouts,
          metadatas: {
            ...metadatas,
            [SOURCE_FIELD]: { ...metadata, edit: { ...metadata.edit, mainField: LABEL_FIELD } },
          },
        }
      );
    },

    /** Sources a quote may link, by alias, paged. */
    async available({
      search,
      match = 'contains',
      page,
      pageSize,
      idsToOmit,
      idsToInclude,
      quoteId,
    }: PickerQuery) {
      const linked = quoteId ? (await linkedSource(quoteId))?.confidentialSource : null;
      const excluded = [
        ...idsToOmit,
        ...(linked && !idsToInclude.includes(linked.id) ? [linked.id] : []),
      ];
      const where = {
        $and: [
          ...(search
            ? [{ alias: { [match === 'startsWith' ? '$startsWithi' : '$containsi']: search } }]
            : []),
          ...(excluded.length ? [{ id: { $notIn: excluded } }] : []),
        ],
      };
      const { results, pagination } = await strapi.db.query(CONFIDENTIAL_SOURCE_UID).findPage({
        select: [...PICKER_FIELDS],
        where,
        orderBy: [{ alias: 'asc' }, { id: 'asc' }],
        page,
        pageSize,
      });
      return pageOf(results as PickedSource[], page, pageSize, pagination.total);
    },

    /** The source a quote links today; null when the quote does not exist. */
    async linkedTo(quoteId: number) {
      const quote = await linkedSource(quoteId);
      if (!quote) {
        return null;
      }
      const results = quote.confidentialSource ? [quote.confidentialSource] : [];
      return pageOf(results, 1, 10, results.length);
    },
  };
};

export default sourcePicker;
