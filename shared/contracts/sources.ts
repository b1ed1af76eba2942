/**
 * The confidential-source register: what its admin routes (/intelligence-stories/
 * confidential-sources…) take and answer, and what its access log records.
 */
import type { errors } from '@strapi/utils';

import type { PagePagination } from './pagination';

/** What the access log records an editor (or the key rotation) doing to a source. */
export const SOURCE_ACCESS_ACTIONS = ['reveal', 'create', 'update', 'reencrypt'] as const;
export type SourceAccessAction = (typeof SOURCE_ACCESS_ACTIONS)[number];

/** An admin user, as the register names who knows a source (no e-mail, no roles). */
export type Editor = {
  id: number;
  firstname: string | null;
  lastname: string | null;
  username?: string | null;
};

/** A story draft's anonymous quote that names a source. */
export type LinkedQuote = {
  storyDocumentId: string;
  storyTitle: string;
  quoteIndex: number;
  attribution: string;
  /** Whether the user asking may open the story in the Content Manager. */
  canOpenStory: boolean;
};

/** GET /confidential-sources and /:documentId: a source without its identity. */
export type SourceSummary = {
  documentId: string;
  alias: string;
  editorsWhoKnow: Editor[];
  /** The story drafts' quotes that name this source. */
  quotes: LinkedQuote[];
  revision: string | null;
  createdAt?: string;
  updatedAt?: string;
};

/** The encrypted fields, as POST /confidential-sources/:documentId/reveal decrypts them. */
export type SourceIdentity = {
  identity: string | null;
  role: string | null;
  affiliation: string | null;
  contact: string | null;
  verificationNotes: string | null;
};

export type RevealedSource = SourceSummary & SourceIdentity;

/** The body of POST (create) and PUT (change, with `revision`) /confidential-sources. */
export type SourceInput = Partial<SourceIdentity> & {
  alias?: string;
  editorsWhoKnow?: number[];
};

/** GET /confidential-sources/access-log: who revealed, created or changed a source, and when. */
export type AccessLogEntry = {
  action: SourceAccessAction;
  sourceDocumentId: string;
  sourceAlias: string | null;
  /** The fields read or written: names only, never values. */
  fields: string[];
  at: string;
  actor: {
    id: number | null;
    firstname: string | null;
    lastname: string | null;
    /** The account's name, or the one kept on the entry once the account is deleted. */
    name: string | null;
    email: string | null;
  } | null;
};

/**
 * GET /intelligence-stories/confidential-sources: every source, by alias, without identities;
 * `q` keeps those whose alias contains it. Only the alias is searched: the other fields are
 * encrypted, and a search on them would tell who a source is to anyone who may list the register.
 */
export declare namespace GetSources {
  export interface Request {
    query: { q?: string };
  }
  export interface Response {
    data: SourceSummary[];
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/confidential-sources/:documentId
 */
export declare namespace GetSource {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: SourceSummary;
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/confidential-sources/:documentId/reveal: the identity, decrypted;
 * the reveal is logged.
 */
export declare namespace RevealSource {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: RevealedSource;
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/confidential-sources (201)
 */
export declare namespace CreateSource {
  export interface Request {
    body: SourceInput & { alias: string; identity: string };
  }
  export interface Response {
    data: SourceSummary;
    error?: errors.ApplicationError;
  }
}

/**
 * PUT /intelligence-stories/confidential-sources/:documentId: the fields that change, and the
 * revision the editor loaded (409 if it changed since).
 */
export declare namespace UpdateSource {
  export interface Request {
    params: { documentId: string };
    body: SourceInput & { revision: string | null };
  }
  export interface Response {
    data: SourceSummary;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/confidential-sources/editors: the admins an editor can name as
 * knowing a source.
 */
export declare namespace GetEditors {
  export interface Response {
    data: Editor[];
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/confidential-sources/access-log: newest first, by page.
 */
export declare namespace GetAccessLog {
  export interface Request {
    query: { sourceDocumentId?: string; page?: string; pageSize?: string };
  }
  export interface Response {
    data: AccessLogEntry[];
    meta: { pagination: PagePagination };
    error?: errors.ApplicationError;
  }
}
