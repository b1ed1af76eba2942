import { SOURCE_DOCUMENT_UID, STORY_UID } from '../../../shared/contracts/uids';

// Apart from api.ts, which imports the admin app: components that only link can be unit-tested.

/** Where the Content Manager edits a story, in one language version when `locale` is given. */
export const storyEditPath = (documentId: string, locale?: string | null) =>
  `/content-manager/collection-types/${STORY_UID}/${documentId}${
    locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : ''
  }`;

/** Where the Content Manager edits a source document (its file, dates, summary). */
export const sourceDocumentEditPath = (documentId: string) =>
  `/content-manager/collection-types/${SOURCE_DOCUMENT_UID}/${documentId}`;
