import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { DocumentTextStatus, SearchHit } from '../../../shared/contracts/library';
import { normalizeForSearch } from '../passages/normalize';
import { databaseClient, knexOf, tableName } from '../strapi-internals/database';
import type { DocumentText } from '../rules/types';
import type { SourceDocument, SourceDocumentText } from '../types/content-types';
import { SOURCE_DOCUMENT_TEXT_UID, SOURCE_DOCUMENT_UID } from '../utils/plugin-id';

type TextRow = SourceDocumentText;

/**
 * R11 holds a quote while its PDF is being read, but not forever: past this, a job still pending
 * means no instance is reading (all down, or the queue stuck) and the quote is only flagged.
 */
const PENDING_HOLDS_FOR_MS = 15 * 60 * 1000;

export type { SearchHit };

const SNIPPET_RADIUS = 80;

/** A snippet around the first occurrence of `query` in `text`, the match marked «like this». */
const snippetAround = (text: string, query: string) => {
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) {
    return text.slice(0, SNIPPET_RADIUS * 2);
  }
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + query.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}«${text.slice(at, at + query.length)}»${text.slice(at + query.length, end)}${end < text.length ? '…' : ''}`;
};

/**
 * The text read from source documents' PDFs (see text-extraction): where the reading stands, the
 * pages for the rules, and search within one document.
 */
const documentText = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SOURCE_DOCUMENT_TEXT_UID);

  const toDocumentText = (row: TextRow): DocumentText => ({
    status: row.status,
    error: row.error,
    pages: row.status === 'done' ? (row.pages ?? []) : [],
    pageCount: row.status === 'done' ? row.pageCount : null,
    pagesWithoutText: row.pagesWithoutText ?? [],
    stale:
      row.status === 'pending' &&
      !!row.requestedAt &&
      Date.now() - new Date(row.requestedAt).getTime() > PENDING_HOLDS_FOR_MS,
  });

  const findSourceDocument = async (documentId: string) => {
    const document = (await strapi.documents(SOURCE_DOCUMENT_UID).findOne({
      documentId,
      status: 'draft',
      fields: ['title', 'pageCount'],
    })) as Pick<SourceDocument, 'title' | 'pageCount'> | null;
    if (!document) {
      throw new errors.NotFoundError('No source document has this documentId');
    }
    return document;
  };

  return {
    /** Where the reading of a source document's PDF stands, for the admin. */
    async status(sourceDocumentId: string): Promise<DocumentTextStatus> {
      const document = await findSourceDocument(sourceDocumentId);
      const row = (await rows().findOne({
        select: [
          'status',
          'error',
          'fileId',
          'sha256',
          'pageCount',
          'pagesWithoutText',
          'requestedAt',
          'extractedAt',
        ],
        where: { sourceDocumentId },
      })) as TextRow | null;
      if (!row) {
        return {
          documentId: sourceDocumentId,
          status: 'none' as const,
          typedPageCount: document.pageCount,
        };
      }
      const pagesWithoutText = row.pagesWithoutText ?? [];
      return {
        documentId: sourceDocumentId,
        status: row.status,
        error: row.error,
        fileId: row.fileId,
        sha256: row.sha256,
        pageCount: row.pageCount,
        typedPageCount: document.pageCount,
        pageCountMatches: row.pageCount === null ? null : row.pageCount === document.pageCount,
        pagesWithoutText,
        hasTextLayer: row.pageCount === null ? null : pagesWithoutText.length < row.pageCount,
        requestedAt: row.requestedAt,
        extractedAt: row.extractedAt,
      };
    },

    /** The texts of several source documents, for the rules (R2, R11). */
    async textsFor(sourceDocumentIds: string[]): Promise<Record<string, DocumentText>> {
      if (sourceDocumentIds.length === 0) {
        return {};
      }
      const found = (await rows().findMany({
        where: { sourceDocumentId: { $in: sourceDocumentIds } },
      })) as TextRow[];
      return Object.fromEntries(found.map((row) => [row.sourceDocumentId, toDocumentText(row)]));
    },

    /**
     * Pages of one document matching `query`, with a snippet each, in page order. PostgreSQL
     * uses its full-text search (English stemming, web-search syntax: "quoted phrases", -not, or);
     * elsewhere the normalized query is matched as a phrase, case-insensitively.
     */
    async search(sourceDocumentId: string, query: string, limit: number): Promise<SearchHit[]> {
      await findSourceDocument(sourceDocumentId);
      const row = (await rows().findOne({
        select: ['id', 'status'],
        where: { sourceDocumentId },
      })) as Pick<TextRow, 'id' | 'status'> | null;
      if (!row || row.status !== 'done') {
        throw new errors.ValidationError(
          row
            ? `The PDF's text is not available (extraction ${row.status}); search it once it is done`
            : 'This source document has no PDF to search'
        );
      }
      const knex = knexOf(strapi);
      const schema = strapi.db.getSchemaName();
      const texts = tableName(strapi, SOURCE_DOCUMENT_TEXT_UID);
      const table = schema ? `${schema}.${texts}` : texts;

      if (databaseClient(strapi) === 'postgres') {
        const result = await knex.raw(
          `select page.number::int as page,
                  ts_headline('english', page.text, query,
                    'StartSel=«, StopSel=», MinWords=8, MaxWords=30, MaxFragments=2, FragmentDelimiter=" … "') as snippet
             from ?? as texts
             cross join lateral jsonb_array_elements_text(texts.pages::jsonb)
               with ordinality as page(text, number)
             cross join websearch_to_tsquery('english', ?) as query
            where texts.id = ? and to_tsvector('english', page.text) @@ query
            order by page.number
            limit ?`,
          [table, query, row.id, limit]
        );
        return (result.rows as SearchHit[]).map(({ page, snippet }) => ({ page, snippet }));
      }

      const phrase = normalizeForSearch(query);
      const pattern = `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const result = (await knex.raw(
        `select page.key + 1 as page, page.value as text
           from ?? as texts, json_each(texts.pages) as page
          where texts.id = ? and page.value like ? escape '\\'
          order by page.key
          limit ?`,
        [table, row.id, pattern, limit]
      )) as Array<{ page: number; text: string }>;
      return result.map(({ page, text }) => ({ page, snippet: snippetAround(text, phrase) }));
    },
  };
};

export default documentText;
