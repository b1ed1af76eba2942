/**
 * What the source-document library's admin routes answer (GET/PUT /intelligence-stories/
 * source-documents…), shared by the server and the admin panel.
 */

export type Confidence = 'high' | 'moderate' | 'low';

/** ICD 203's seven likelihood terms, lowest first. */
export type Likelihood =
  | 'almost_no_chance'
  | 'very_unlikely'
  | 'unlikely'
  | 'roughly_even_chance'
  | 'likely'
  | 'very_likely'
  | 'almost_certain';

export type LibraryKeyJudgment = {
  text: string;
  page: number | null;
  confidence: Confidence;
  likelihood: Likelihood | null;
  minorityView: string | null;
};

export type ExtractionStatus = 'none' | 'pending' | 'done' | 'failed';

export type LibraryDocument = {
  documentId: string;
  title: string;
  issuer: string;
  documentNumber: string | null;
  documentDate: string | null;
  releaseDate: string | null;
  pageCount: number;
  classification: 'unclassified' | 'declassified' | 'redacted_release' | 'leaked';
  officialUrl: string | null;
  summary: string | null;
  file: { name: string; url: string; mime: string; size: number } | null;
  sha256: string | null;
  keyJudgments: LibraryKeyJudgment[];
  state: 'draft' | 'published' | 'modified';
  updatedAt: string;
  /** The revision of the draft this was read from, to send back with a change. */
  revision: string | null;
  /** How far the server got reading the attached PDF. */
  text: { status: ExtractionStatus; pageCount: number | null; pagesWithoutText: number };
};

/** GET /source-documents/:documentId/text/search: a page where the words are, the match «marked». */
export type SearchHit = { page: number; snippet: string };
