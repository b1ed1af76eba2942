/**
 * What the plugin's admin routes answer, shared by the server that builds it and the admin panel
 * that reads it (as Strapi's own plugins keep their contracts in shared/contracts).
 */

export type DeskState = 'draft' | 'published' | 'modified';

/** GET /intelligence-stories/desk/stories */
export type DeskStory = {
  documentId: string;
  title: string;
  slug: string;
  kind: 'news' | 'analysis' | 'explainer';
  state: DeskState;
  updatedAt?: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  revision: string | null;
  readiness: { ready: boolean; errors: number; warnings: number };
  pendingApprovals: number;
  corrections: number;
  lastCorrectionAt: string | null;
};

export type QueueState = 'pending' | 'rejected' | 'voided';

/** GET /intelligence-stories/desk/approvals: a quote no valid approval covers. */
export type QueueItem = {
  story: { documentId: string; title: string; revision: string | null; updatedAt?: string };
  quoteIndex: number;
  quote: string;
  attribution: string;
  anonymityReason: string;
  howSourceKnows: string | null;
  informationNotOpinion: boolean;
  state: QueueState;
  comment: string | null;
  /** The source by its alias and who knows it: never its identity. */
  source: { documentId: string; alias: string; editorsWhoKnow: string[] } | null;
};
