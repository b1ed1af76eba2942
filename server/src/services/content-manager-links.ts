import type { Core, Modules, UID } from '@strapi/strapi';

import { contentManagerService } from '../strapi-internals/content-manager';
import { type SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';

/** The admin user's ability, as Strapi's admin authentication puts it on `ctx.state`. */
export type UserAbility = unknown;

/** The types the plugin's pages link to in the Content Manager. */
type LinkedUid = typeof STORY_UID | typeof SOURCE_DOCUMENT_UID;

/**
 * Which entries a user may open in the Content Manager, so the plugin's pages link only those: a
 * link to an entry the Content Manager answers Forbidden (an Author, who reads their own entries
 * only, on a colleague's story) is a dead end. The check is the Content Manager's own read check
 * on the entry, its permission's conditions included, as its edit view makes it.
 */
const contentManagerLinks = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The documentIds among `documentIds` whose draft (what the edit view opens) the user may read.
   * Without an ability (a call from code, not from a signed-in user) none is openable.
   */
  const openable = async (
    uid: LinkedUid,
    userAbility: UserAbility | undefined,
    documentIds: string[]
  ): Promise<Set<string>> => {
    const ids = [...new Set(documentIds)];
    if (!userAbility || ids.length === 0) {
      return new Set();
    }
    const checker = contentManagerService(strapi, 'permission-checker').create({
      userAbility,
      model: uid,
    });
    // `createdBy` is what the Author's "is creator" condition reads; the Document Service leaves
    // it out unless asked. A story's `locale` is what a role's locales condition reads (Strapi
    // i18n): a story opens if one of its language versions does.
    const localized = uid === STORY_UID;
    const drafts = (await strapi.documents(uid as UID.ContentType).findMany({
      status: 'draft',
      filters: { documentId: { $in: ids } },
      ...(localized ? { locale: '*' } : {}),
      fields: localized ? ['documentId', 'locale'] : ['documentId'],
      populate: { createdBy: { fields: ['id'] } },
    } as Modules.Documents.ServiceParams['findMany'])) as Array<{
      documentId: string;
    }>;
    return new Set(
      drafts.filter((draft) => !checker.cannot.read(draft)).map(({ documentId }) => documentId)
    );
  };

  return {
    openable,
    openableStories: (userAbility: UserAbility | undefined, documentIds: string[]) =>
      openable(STORY_UID, userAbility, documentIds),
  };
};

export default contentManagerLinks;
