import { SOURCE_DOCUMENT_UID, STORY_UID } from '../../../shared/contracts/uids';

// Apart from api.ts, which imports the admin app: components that only link can be unit-tested.

/** Where the Content Manager edits a story. */
export const storyEditPath = (documentId: string) =>
  `/content-manager/collection-types/${STORY_UID}/${documentId}`;

/** Where the Content Manager edits a source document (its file, dates, summary). */
export const sourceDocumentEditPath = (documentId: string) =>
  `/content-manager/collection-types/${SOURCE_DOCUMENT_UID}/${documentId}`;
