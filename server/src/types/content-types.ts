import type { PassageType } from '../../../shared/contracts/citations';
import type { CorrectionKind } from '../../../shared/contracts/corrections';
import type { Confidence, Likelihood } from '../../../shared/contracts/icd203';
import type { Classification, TextStatus } from '../../../shared/contracts/library';
import type { ApprovalState } from '../../../shared/contracts/quotes';
import type { SourceAccessAction } from '../../../shared/contracts/sources';
import type { ChangeLogKind, DeclaredChanges, StoryKind } from '../../../shared/contracts/stories';

/**
 * The plugin's documents as the Document Service returns them. Apps get Strapi's generated types
 * for these too (types/generated); these hand-kept ones type the plugin's own code, which is built
 * outside any app. Keep them in step with content-types/ and components/; their enumerations are
 * shared/contracts' (content-types/enums.test.ts holds the schemas to them).
 */

export type {
  ApprovalState,
  Classification,
  Confidence,
  CorrectionKind,
  Likelihood,
  SourceAccessAction,
  StoryKind,
};

type Document = {
  id: number;
  documentId: string;
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
};

export type Byline = { id?: number; name: string; role?: string | null };

export type KeyJudgment = {
  id?: number;
  text: string;
  page?: number | null;
  confidence: Confidence;
  likelihood?: Likelihood | null;
  minorityView?: string | null;
};

export type SourceDocument = Document & {
  title: string;
  issuer: string;
  documentNumber?: string | null;
  documentDate?: string | null;
  releaseDate?: string | null;
  pageCount: number;
  classification: Classification;
  officialUrl?: string | null;
  file?: { id: number; url: string; name: string; mime: string; size: number } | null;
  sha256?: string | null;
  summary?: string | null;
  keyJudgments?: KeyJudgment[];
  /** A fresh random value on every write of the draft: what optimistic concurrency compares. */
  revision?: string | null;
};

export type DocumentCitation = {
  id?: number;
  sourceDocument?: SourceDocument | null;
  page: number;
  passage: string;
  /** In a translation: the passage as the source document has it, which R11 checks. */
  originalPassage?: string | null;
  passageType: PassageType;
};

export type AnonymousQuote = {
  id?: number;
  quote: string;
  /** In a translation: the original quote's text, whose approval this one's is bound to. */
  originalQuote?: string | null;
  attribution: string;
  anonymityReason: string;
  howSourceKnows?: string | null;
  informationNotOpinion?: boolean;
  confidentialSource?: ConfidentialSource | null;
  approvalState?: ApprovalState;
  approvedBy?: { id: number } | null;
  approvedAt?: string | null;
  approvedFingerprint?: string | null;
  /** The quote's text as approved (null for approvals made before it was kept): the queue's diff. */
  approvedText?: string | null;
  approvalComment?: string | null;
};

export type Story = Document & {
  title: string;
  slug: string;
  dek?: string | null;
  body?: unknown[] | null;
  bylines?: Byline[];
  dateline?: string | null;
  kind: StoryKind;
  backstory?: string | null;
  /** The story's language (Strapi i18n): one version per locale, one documentId. */
  locale?: string | null;
  /** For a translation, the locale of the version it was translated from. */
  translatedFrom?: string | null;
  firstPublishedAt?: string | null;
  lastPublishedAt?: string | null;
  /** What readers saw at the last publish: `readerVisible()` of rules/reader-visible-changes. */
  lastPublishedContent?: unknown;
  /** The overrides its last publish used up (services/publication, step 5). */
  lastPublishedOverrides?: unknown;
  sourceDocuments?: SourceDocument[];
  citations?: DocumentCitation[];
  anonymousQuotes?: AnonymousQuote[];
  editorNotes?: string | null;
  updatedBy?: { id: number } | null;
  /** A fresh random value on every write of the draft: what optimistic concurrency compares. */
  revision?: string | null;
};

export type ConfidentialSource = Document & {
  alias: string;
  identity: string;
  role?: string | null;
  affiliation?: string | null;
  contact?: string | null;
  verificationNotes?: string | null;
  editorsWhoKnow?: Array<{ id: number }>;
  /** A fresh random value on every write: what optimistic concurrency compares. */
  revision?: string | null;
};

export type Correction = Document & {
  storyDocumentId: string;
  /** The story's language version it corrects (its locale code). */
  storyLocale?: string | null;
  kind: CorrectionKind;
  text: string;
  issuedAt: string;
  issuedBy?: { id: number } | null;
  /** The issuer's name when the correction was issued, kept after the account is deleted. */
  issuedByName?: string | null;
  lateReason?: string | null;
  supersedes?: Correction | null;
  /** The correction of another language version that this one carries over. */
  carriedFrom?: string | null;
  /** A translation's own slip, kept to its language version (not offered to carry over). */
  translationOnly?: boolean | null;
  /** The reader-visible fingerprint of the story's draft when it was issued: the change it explains (R9). */
  draftFingerprint?: string | null;
  /** Issued on a draft readers have not seen yet: public with the story's next publish. */
  held?: boolean | null;
};

export type ChangeLogEntry = Document & {
  storyDocumentId: string;
  kind: ChangeLogKind;
  /** The overridden rule's code (kind `rule_override`). */
  rule?: string | null;
  reason: string;
  declaredBy?: { id: number } | null;
  declaredAt: string;
  draftFingerprint: string;
  changes?: DeclaredChanges;
  republishedAt?: string | null;
};

/** A source document's PDF text and the job reading it (hidden type source-document-text). */
export type SourceDocumentText = {
  id: number;
  sourceDocumentId: string;
  status: TextStatus;
  error: string | null;
  fileId: number | null;
  sha256: string | null;
  pageCount: number | null;
  pages: string[] | null;
  pagesWithoutText: number[] | null;
  requestId: string;
  requestedAt: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
  attempts: number | null;
  extractedAt: string | null;
};

export type SourceAccessLogEntry = Document & {
  action: SourceAccessAction;
  sourceDocumentId: string;
  sourceAlias?: string | null;
  fields?: string[] | null;
  actor?: { id: number; firstname?: string; lastname?: string; email?: string } | null;
  actorEmail?: string | null;
  /** The actor's name at the time, kept after the account is deleted. */
  actorName?: string | null;
  at: string;
};
