import { isFetchError } from '@strapi/strapi/admin';

/** Shapes of the plugin's admin routes (see docs/admin-api.md). */
export type Violation = { code: string; path: string; message: string };

export type Readiness = {
  ready: boolean;
  errors: Violation[];
  warnings: Violation[];
  revision: string | null;
};

export type { DeskState, DeskStory, QueueItem } from '../../../shared/contracts/desk';
export type {
  Confidence,
  LibraryDocument,
  LibraryKeyJudgment,
  Likelihood,
} from '../../../shared/contracts/library';
export type {
  AccessLogEntry,
  Editor,
  RevealedSource,
  SourceIdentity,
  SourceInput,
  SourceSummary,
} from '../../../shared/contracts/sources';

export type CorrectionKind =
  'correction' | 'clarification' | 'update' | 'editors_note' | 'retraction';

export const CORRECTION_KINDS: CorrectionKind[] = [
  'correction',
  'clarification',
  'update',
  'editors_note',
  'retraction',
];

export type DeskCorrection = {
  documentId: string;
  kind: CorrectionKind;
  text: string;
  issuedAt: string;
  lateReason: string | null;
  supersedes: string | null;
  storyDocumentId: string;
  storyTitle: string | null;
  issuedBy: string | null;
};

export type Paginated<T> = {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

export type { PublisherSettings as Settings } from '../../../shared/contracts/settings';

export const STORY_UID = 'plugin::intelligence-stories.story';
export const SOURCE_DOCUMENT_UID = 'plugin::intelligence-stories.source-document';

/** Where the Content Manager edits a story. */
export const storyEditPath = (documentId: string) =>
  `/content-manager/collection-types/${STORY_UID}/${documentId}`;

/** Where the Content Manager edits a source document (its file, dates, summary). */
export const sourceDocumentEditPath = (documentId: string) =>
  `/content-manager/collection-types/${SOURCE_DOCUMENT_UID}/${documentId}`;

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
