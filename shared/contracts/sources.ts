/**
 * What the confidential-source register's admin routes answer (/intelligence-stories/
 * confidential-sources…), shared by the server and the admin panel.
 */

/** An admin user, as the register names who knows a source (no e-mail, no roles). */
export type Editor = {
  id: number;
  firstname: string | null;
  lastname: string | null;
  username?: string | null;
};

/** GET /confidential-sources and /:documentId: a source without its identity. */
export type SourceSummary = {
  documentId: string;
  alias: string;
  editorsWhoKnow: Editor[];
  /** The story drafts' quotes that name this source. */
  quotes: Array<{
    storyDocumentId: string;
    storyTitle: string;
    quoteIndex: number;
    attribution: string;
  }>;
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
  action: 'reveal' | 'create' | 'update' | 'reencrypt';
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
