import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { LibraryDocument, LibraryKeyJudgment } from '../../../shared/contracts/library';
import type { KeyJudgment, SourceDocument, SourceDocumentText } from '../types/content-types';
import { documentState } from '../utils/document-state';
import { getService } from '../utils/get-service';
import type { PaginationParams } from '../utils/pagination';
import { SOURCE_DOCUMENT_TEXT_UID, SOURCE_DOCUMENT_UID } from '../utils/plugin-id';

export type LibraryQuery = { q?: string; pagination: PaginationParams };

type FindManyParams = Modules.Documents.ServiceParams<typeof SOURCE_DOCUMENT_UID>['findMany'];

// What the library shows of each draft (mutable arrays: the Document Service's param types).
const SHOWN = {
  fields: [
    'title',
    'issuer',
    'documentNumber',
    'documentDate',
    'releaseDate',
    'pageCount',
    'classification',
    'officialUrl',
    'summary',
    'sha256',
    'revision',
    'updatedAt',
  ],
  populate: {
    file: { fields: ['name', 'url', 'mime', 'size'] },
    keyJudgments: true,
  },
} satisfies Pick<FindManyParams, 'fields' | 'populate'>;

const toKeyJudgment = (judgment: KeyJudgment): LibraryKeyJudgment => ({
  text: judgment.text,
  page: judgment.page ?? null,
  confidence: judgment.confidence,
  likelihood: judgment.likelihood ?? null,
  minorityView: judgment.minorityView ?? null,
});

/**
 * The source-document library of the admin panel: each document's draft (what editors work on)
 * with its state, its file and digest, its key judgments and how far the server got reading its
 * PDF. Key judgments are edited here with optimistic concurrency, through the Document Service,
 * so the write validation, the revision stamp and the text extraction queue all apply.
 */
const sourceLibrary = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(SOURCE_DOCUMENT_UID);

  /** The text jobs of several documents in one query, by documentId. */
  const textStates = async (ids: string[]) => {
    const rows = (await strapi.db.query(SOURCE_DOCUMENT_TEXT_UID).findMany({
      select: ['sourceDocumentId', 'status', 'pageCount', 'pagesWithoutText'],
      where: { sourceDocumentId: { $in: ids } },
    })) as SourceDocumentText[];
    return new Map(rows.map((row) => [row.sourceDocumentId, row]));
  };

  const describe = async (drafts: SourceDocument[]): Promise<LibraryDocument[]> => {
    const ids = drafts.map(({ documentId }) => documentId);
    if (ids.length === 0) {
      return [];
    }
    const [published, texts] = await Promise.all([
      documents().findMany({
        status: 'published',
        filters: { documentId: { $in: ids } },
        fields: ['updatedAt', 'publishedAt'],
      }) as Promise<SourceDocument[]>,
      textStates(ids),
    ]);
    const live = new Map(published.map((version) => [version.documentId, version]));
    return drafts.map((draft) => {
      const text = texts.get(draft.documentId);
      return {
        documentId: draft.documentId,
        title: draft.title,
        issuer: draft.issuer,
        documentNumber: draft.documentNumber ?? null,
        documentDate: draft.documentDate ?? null,
        releaseDate: draft.releaseDate ?? null,
        pageCount: draft.pageCount,
        classification: draft.classification,
        officialUrl: draft.officialUrl ?? null,
        summary: draft.summary ?? null,
        file: draft.file
          ? {
              name: draft.file.name,
              url: draft.file.url,
              mime: draft.file.mime,
              size: draft.file.size,
            }
          : null,
        sha256: draft.sha256 ?? null,
        keyJudgments: (draft.keyJudgments ?? []).map(toKeyJudgment),
        state: documentState(strapi, draft, live.get(draft.documentId)),
        updatedAt: draft.updatedAt!,
        revision: draft.revision ?? null,
        text: {
          status: text?.status ?? 'none',
          pageCount: text?.pageCount ?? null,
          pagesWithoutText: (text?.pagesWithoutText ?? []).length,
        },
      };
    });
  };

  const findDraft = async (documentId: string) => {
    const draft = (await documents().findOne({
      documentId,
      status: 'draft',
      ...SHOWN,
    })) as SourceDocument | null;
    if (!draft) {
      throw new errors.NotFoundError(`No source document has the documentId "${documentId}"`);
    }
    return draft;
  };

  return {
    async list({ q, pagination }: LibraryQuery) {
      const filters = (
        q
          ? {
              $or: [
                { title: { $containsi: q } },
                { issuer: { $containsi: q } },
                { documentNumber: { $containsi: q } },
              ],
            }
          : {}
      ) as FindManyParams['filters'];
      const [drafts, total] = await Promise.all([
        documents().findMany({
          status: 'draft',
          filters,
          ...SHOWN,
          sort: [{ updatedAt: 'desc' }, { id: 'desc' }],
          ...pagination,
        }) as Promise<SourceDocument[]>,
        documents().count({ status: 'draft', filters }),
      ]);
      return { results: await describe(drafts), total };
    },

    async findOne(documentId: string) {
      const [described] = await describe([await findDraft(documentId)]);
      return described;
    },

    /**
     * Replaces the draft's key judgments if the draft is still the revision the editor loaded;
     * otherwise nothing is written and a StaleRevisionError says why (409).
     */
    async saveKeyJudgments(
      documentId: string,
      keyJudgments: LibraryKeyJudgment[],
      revision: string | null
    ) {
      const draft = await findDraft(documentId);
      const outside = keyJudgments.flatMap(({ page }, index) =>
        page !== null && page !== undefined && page > draft.pageCount
          ? [
              {
                path: ['keyJudgments', String(index), 'page'],
                message: `keyJudgments[${index}].page must be at most ${draft.pageCount}, the document's page count`,
                name: 'ValidationError',
              },
            ]
          : []
      );
      if (outside.length > 0) {
        throw new errors.ValidationError(outside[0].message, { errors: outside });
      }
      await strapi.db.transaction(async () => {
        await getService('revisions', { strapi }).advance(
          SOURCE_DOCUMENT_UID,
          documentId,
          revision,
          `The source document "${draft.title}"`
        );
        // The draft, as the Content Manager's save: publishing it stays the editor's decision.
        await documents().update({
          documentId,
          data: { keyJudgments } as Modules.Documents.Params.Data.Input<typeof SOURCE_DOCUMENT_UID>,
        });
      });
      return this.findOne(documentId);
    },
  };
};

export default sourceLibrary;
