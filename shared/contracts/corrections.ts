/**
 * Corrections: their kinds, the shapes the admin routes and the public Content API answer, and the
 * routes that issue and list them.
 */
import type { errors } from '@strapi/utils';

import type { Paginated, PaginationQuery } from './pagination';

export const CORRECTION_KINDS = [
  'correction',
  'clarification',
  'update',
  'editors_note',
  'retraction',
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Each kind's name as readers see it in feeds and JSON-LD, and the panel's default label. */
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
  editors_note: "Editor's note",
  retraction: 'Retraction',
};

/**
 * A correction issued more than this many days after the story was first published must say why
 * it is late (Reuters and the Washington Post ask it). The server enforces it; the panel asks for
 * the reason up front.
 */
export const LATE_AFTER_DAYS = 30;

/** A correction as readers get it. */
export type PublicCorrection = {
  documentId: string;
  kind: CorrectionKind;
  text: string;
  issuedAt: string;
  lateReason: string | null;
  /** The documentId of the correction this one replaces. */
  supersedes: string | null;
};

/** A correction as the desk sees it: with who issued it and the story it belongs to. */
/**
 * A correction as its issuer gets it back: `held` when the story's draft differs from what
 * readers see, so it goes public with the next publish, together with the fix it explains.
 */
/** `locale`: the story's language version it corrects (Strapi i18n). */
export type IssuedCorrection = PublicCorrection & { held: boolean; locale: string | null };

export type DeskCorrection = IssuedCorrection & {
  storyDocumentId: string;
  storyTitle: string | null;
  issuedBy: string | null;
  /** Whether the user asking may open the story in the Content Manager (its read permission). */
  canOpenStory: boolean;
};

/** A correction in the public list and feeds: with the published story it belongs to. */
export type FeedCorrection = PublicCorrection & {
  story: { documentId: string; slug: string; title: string };
};

/** What an editor writes; when and by whom are the server's to stamp. */
export type CorrectionInput = {
  /** The story's language version it corrects; the app's default locale when absent. */
  locale?: string | null;
  kind: CorrectionKind;
  text: string;
  lateReason?: string | null;
  supersedes?: string | null;
  /** The documentId of the correction, issued in another locale, that this one carries over. */
  carriedFrom?: string | null;
  /** A translation's own slip: not offered to the other language versions' editors. */
  translationOnly?: boolean;
};

/**
 * A factual correction (a correction or a retraction) issued on another language version of the
 * story and not carried into this one yet: offered to this version's editors.
 */
export type CarryOverCorrection = PublicCorrection & { locale: string | null };

/**
 * GET /intelligence-stories/stories/:documentId/corrections/carry-over?locale=
 */
export declare namespace GetCarryOverCorrections {
  export interface Request {
    params: { documentId: string };
    query: { locale?: string };
  }
  export interface Response {
    data: CarryOverCorrection[];
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/stories/:documentId/corrections (201)
 */
export declare namespace IssueCorrection {
  export interface Request {
    params: { documentId: string };
    body: CorrectionInput;
  }
  export interface Response {
    data: IssuedCorrection;
    error?: errors.ApplicationError;
  }
}

/**
 * The filters of the desk's corrections: `q` in the story's title or the correction's text, one
 * kind, and issued within dates. A date (2021-03-16) is a whole UTC day; a date-time with its
 * offset is an instant (the panel sends the editor's own day as two instants).
 */
export type DeskCorrectionsQuery = {
  q?: string;
  kind?: CorrectionKind;
  issuedFrom?: string;
  issuedTo?: string;
  /** One language version of the stories. */
  locale?: string;
};

/**
 * GET /intelligence-stories/desk/corrections and /intelligence-stories/stories/:documentId/corrections:
 * newest first, of all stories or of one.
 */
export declare namespace GetDeskCorrections {
  export interface Request {
    params: { documentId?: string };
    query: DeskCorrectionsQuery & { pagination?: PaginationQuery };
  }
  export interface Response extends Paginated<DeskCorrection> {
    error?: errors.ApplicationError;
  }
}

/**
 * GET /api/intelligence-stories/corrections (Content API): corrections of published stories,
 * newest first.
 */
export declare namespace GetCorrections {
  export interface Request {
    query: {
      /** A date (2021-03-16) or a date-time with its offset. */
      since?: string;
      kind?: CorrectionKind;
      pagination?: PaginationQuery;
    };
  }
  export interface Response extends Paginated<FeedCorrection> {
    error?: errors.ApplicationError;
  }
}

/** A JSON Feed 1.1 item (https://www.jsonfeed.org/version/1.1/), with this plugin's extension. */
export type JsonFeedItem = {
  id: string;
  url: string;
  title: string;
  content_text: string;
  date_published: string;
  tags: string[];
  // Extensions start with an underscore; readers that do not know them ignore them.
  _intelligence_stories: {
    kind: CorrectionKind;
    story: FeedCorrection['story'];
    supersedes: string | null;
    late_reason: string | null;
  };
};

export type JsonFeed = {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  /** The stories' language (JSON Feed 1.1's `language`, an RFC 5646 tag). */
  language?: string;
  items: JsonFeedItem[];
};

/**
 * GET /api/intelligence-stories/corrections.rss and /corrections.json (Content API): the latest
 * corrections as RSS 2.0, or as a JSON Feed 1.1 document.
 */
export declare namespace GetCorrectionsFeed {
  export interface Request {
    query: { kind?: CorrectionKind };
  }
  /** The JSON Feed; the RSS route answers the same items as XML. */
  export type Response = JsonFeed;
}
