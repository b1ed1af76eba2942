import { isFetchError } from '@strapi/strapi/admin';

import type {
  PagePagination,
  Paginated as PaginatedList,
} from '../../../shared/contracts/pagination';
import { SOURCE_DOCUMENT_UID, STORY_UID } from '../../../shared/contracts/uids';

/**
 * The shapes of the plugin's admin routes are the server's and the panel's both: shared/contracts
 * holds them, each route's Request and Response (see docs/admin-api.md).
 */
export type { CorrectionKind, DeskCorrection } from '../../../shared/contracts/corrections';
export type {
  AwaitedQuote,
  DeskState,
  DeskStory,
  QueueItem,
  QueueState,
} from '../../../shared/contracts/desk';
export type { Confidence, Likelihood } from '../../../shared/contracts/icd203';
export type { LibraryDocument, LibraryKeyJudgment } from '../../../shared/contracts/library';
export type { Violation } from '../../../shared/contracts/rules';
export type { PublisherSettings as Settings } from '../../../shared/contracts/settings';
export type {
  AccessLogEntry,
  Editor,
  RevealedSource,
  SourceIdentity,
  SourceInput,
  SourceSummary,
} from '../../../shared/contracts/sources';
export type { StoryReadiness as Readiness } from '../../../shared/contracts/stories';
export { SOURCE_DOCUMENT_UID, STORY_UID };

/** A page of a list route, as the panel asks for them: by page. */
export type Paginated<T> = PaginatedList<T, PagePagination>;

export { sourceDocumentEditPath, storyEditPath } from './edit-paths';

type FieldError = { path: string[]; message: string };

/** What the server said about a refused write, in a form the pages can show. */
export const describeError = (
  error: unknown
): { status?: number; message: string; fields: Record<string, string> } => {
  if (!isFetchError(error)) {
    return { message: error instanceof Error ? error.message : String(error), fields: {} };
  }
  const body = error.response?.data?.error;
  const details = (body?.details ?? {}) as { errors?: FieldError[] };
  const fields = Object.fromEntries(
    (details.errors ?? []).map(({ path, message }) => [path.join('.'), message])
  );
  return { status: error.status ?? body?.status, message: body?.message ?? error.message, fields };
};

/** A stale write (another editor, or another tab, changed the story since it was loaded). */
export const isConflict = (error: unknown) => describeError(error).status === 409;
