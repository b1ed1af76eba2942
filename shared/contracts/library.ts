/**
 * Source documents: their classifications and the reading of their PDFs, what the library's
 * admin routes (/intelligence-stories/source-documents…) answer and what the public Content API
 * serves of them.
 */
import type { errors } from '@strapi/utils';

import type { PassageType } from './citations';
import type { DeskState } from './desk';
import type { Confidence, Likelihood } from './icd203';
import type { Paginated, PaginationQuery } from './pagination';

/** How a document came to be public. */
export const CLASSIFICATIONS = [
  'unclassified',
  'declassified',
  'redacted_release',
  'leaked',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Where the server's reading of a document's PDF stands (the source-document-text job). */
export const TEXT_STATUSES = ['pending', 'done', 'failed'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

/** A text status, or `none` for a document whose PDF was never queued (it has none). */
export type ExtractionStatus = 'none' | TextStatus;

export type LibraryKeyJudgment = {
  text: string;
  page: number | null;
  confidence: Confidence;
  likelihood: Likelihood | null;
  minorityView: string | null;
};

export type LibraryDocument = {
  documentId: string;
  title: string;
  issuer: string;
  documentNumber: string | null;
  documentDate: string | null;
  releaseDate: string | null;
  pageCount: number;
  classification: Classification;
  officialUrl: string | null;
  summary: string | null;
  file: { name: string; url: string; mime: string; size: number } | null;
  sha256: string | null;
  keyJudgments: LibraryKeyJudgment[];
  state: DeskState;
  updatedAt: string;
  /** The revision of the draft this was read from, to send back with a change. */
  revision: string | null;
  /** How far the server got reading the attached PDF. */
  text: { status: ExtractionStatus; pageCount: number | null; pagesWithoutText: number };
  /**
   * Whether the user asking may open it in the Content Manager (its read permission, conditions
   * included); `GET /source-documents/:documentId` says it, the panel shows "Edit" only then.
   */
  canOpen?: boolean;
};

/** GET /source-documents/:documentId/text/search: a page where the words are, the match «marked». */
export type SearchHit = { page: number; snippet: string };

/** Where the reading of one document's PDF stands, and what it found. */
export type DocumentTextStatus =
  | { documentId: string; status: 'none'; typedPageCount: number }
  | {
      documentId: string;
      status: TextStatus;
      error: string | null;
      fileId: number | null;
      sha256: string | null;
      pageCount: number | null;
      typedPageCount: number;
      pageCountMatches: boolean | null;
      pagesWithoutText: number[];
      hasTextLayer: boolean | null;
      requestedAt: string | null;
      extractedAt: string | null;
    };

/**
 * GET /intelligence-stories/source-documents: the drafts, searched by title, issuer and number.
 */
export declare namespace GetLibrary {
  export interface Request {
    query: { q?: string; pagination?: PaginationQuery };
  }
  export interface Response extends Paginated<LibraryDocument> {
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/source-documents/:documentId
 */
export declare namespace GetLibraryDocument {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: LibraryDocument;
    error?: errors.ApplicationError;
  }
}

/**
 * PUT /intelligence-stories/source-documents/:documentId/key-judgments: the whole list as it
 * should be, and the revision of the document it was edited from (409 if it changed since).
 */
export declare namespace UpdateKeyJudgments {
  export interface Request {
    params: { documentId: string };
    body: { revision: string | null; keyJudgments: LibraryKeyJudgment[] };
  }
  export interface Response {
    data: LibraryDocument;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/source-documents/:documentId/text
 */
export declare namespace GetDocumentText {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: DocumentTextStatus;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/source-documents/:documentId/text/search
 */
export declare namespace SearchDocumentText {
  export interface Request {
    params: { documentId: string };
    query: { q: string; limit?: string };
  }
  export interface Response {
    data: SearchHit[];
    /** The words searched for, trimmed. */
    meta: { query: string };
    error?: errors.ApplicationError;
  }
}

/**
 * A published source document as the Content API serves it. `fields` may narrow it to some of
 * its fields: every one but the ids is then optional.
 */
export type PublicSourceDocument = {
  id: number;
  documentId: string;
  title?: string;
  issuer?: string;
  documentNumber?: string | null;
  documentDate?: string | null;
  releaseDate?: string | null;
  pageCount?: number;
  classification?: Classification;
  officialUrl?: string | null;
  sha256?: string | null;
  summary?: string | null;
  publishedAt?: string | null;
  updatedAt?: string;
  file?: { name: string; url: string; mime: string; size: number; ext?: string | null } | null;
  keyJudgments?: Array<{
    text: string;
    page?: number | null;
    confidence: Confidence;
    likelihood?: Likelihood | null;
    minorityView?: string | null;
  }>;
};

/** A citation as readers get it: the page and passage, and which document. */
export type PublicCitation = {
  page: number;
  passage: string;
  passageType: PassageType;
  sourceDocument?: Pick<PublicSourceDocument, 'title' | 'issuer' | 'documentNumber'> | null;
};

/** The Content API's query parameters, checked by Strapi's validators and the plugin's. */
export type PublicQuery = {
  filters?: Record<string, unknown>;
  sort?: string | string[];
  fields?: string[];
  /** Public routes serve published content only: `published`, or nothing. */
  status?: 'published';
  pagination?: PaginationQuery;
};

/**
 * GET /api/intelligence-stories/source-documents (Content API): published documents only.
 */
export declare namespace GetSourceDocuments {
  export interface Request {
    query: PublicQuery;
  }
  export interface Response extends Paginated<PublicSourceDocument> {
    error?: errors.ApplicationError;
  }
}

/**
 * GET /api/intelligence-stories/source-documents/:documentId (Content API)
 */
export declare namespace GetSourceDocument {
  export interface Request {
    params: { documentId: string };
    query: PublicQuery;
  }
  export interface Response {
    data: PublicSourceDocument;
    meta: Record<string, never>;
    error?: errors.ApplicationError;
  }
}
