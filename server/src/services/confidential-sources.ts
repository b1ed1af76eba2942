import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  Editor,
  LinkedQuote,
  RevealedSource,
  SourceInput,
  SourceSummary,
} from '../../../shared/contracts/sources';
import { parseEnvelope } from '../encryption/envelope';
import { ENCRYPTED_SOURCE_FIELDS } from '../encryption/fields';
import { databaseClient, knexOf, tableName } from '../strapi-internals/database';
import type { AnonymousQuote, ConfidentialSource, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID, STORY_UID } from '../utils/plugin-id';
import type { UserAbility } from './content-manager-links';
import type { Actor } from './source-access-log';

type EditorWhoKnows = { id: number; firstname: string | null; lastname: string | null };

type StoredSource = Omit<ConfidentialSource, 'editorsWhoKnow'> & {
  editorsWhoKnow?: EditorWhoKnows[];
};

export type { SourceInput };

const SUMMARY_POPULATE = {
  // Admin users' e-mails are not queryable through the Document Service (private).
  editorsWhoKnow: { fields: ['firstname', 'lastname'] },
};

const toData = (input: SourceInput) =>
  ({
    ...input,
    ...(input.editorsWhoKnow ? { editorsWhoKnow: input.editorsWhoKnow.map((id) => ({ id })) } : {}),
  }) as unknown as Modules.Documents.Params.Data.Input<typeof CONFIDENTIAL_SOURCE_UID>;

/**
 * The confidential-source register behind the plugin's admin routes. Everything but `reveal`
 * answers without the identity (alias, editors who know, quotes linking the source), so an editor
 * without the reveal permission can still see that a quote is sourced and by whom it is known.
 * Identities are decrypted here and nowhere else, and every reveal and change is logged.
 */
const confidentialSources = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(CONFIDENTIAL_SOURCE_UID);

  /**
   * Each source's quotes in the stories' working drafts, where editors link them, and whether the
   * user asking may open each story in the Content Manager (none without `userAbility`).
   */
  const linkedQuotes = async (sourceDocumentIds: string[], userAbility?: UserAbility) => {
    const byDocument = new Map<string, LinkedQuote[]>(sourceDocumentIds.map((id) => [id, []]));
    if (sourceDocumentIds.length === 0) {
      return byDocument;
    }
    const stories = (await strapi.documents(STORY_UID).findMany({
      status: 'draft',
      filters: {
        anonymousQuotes: { confidentialSource: { documentId: { $in: sourceDocumentIds } } },
      },
      fields: ['title'],
      populate: {
        anonymousQuotes: {
          fields: ['attribution'],
          populate: { confidentialSource: { fields: ['documentId'] } },
        },
      },
    } as Modules.Documents.ServiceParams<typeof STORY_UID>['findMany'])) as Array<
      Story & { anonymousQuotes?: AnonymousQuote[] }
    >;
    const openable = await getService('content-manager-links', { strapi }).openableStories(
      userAbility,
      stories.map(({ documentId }) => documentId)
    );
    for (const story of stories) {
      story.anonymousQuotes?.forEach((quote, quoteIndex) => {
        const linked = quote.confidentialSource?.documentId;
        if (linked && byDocument.has(linked)) {
          byDocument.get(linked)!.push({
            storyDocumentId: story.documentId,
            storyTitle: story.title,
            quoteIndex,
            attribution: quote.attribution,
            canOpenStory: openable.has(story.documentId),
          });
        }
      });
    }
    return byDocument;
  };

  const summarize = (source: StoredSource, quotes: LinkedQuote[]): SourceSummary => ({
    documentId: source.documentId,
    alias: source.alias,
    editorsWhoKnow: (source.editorsWhoKnow ?? []).map(({ id, firstname, lastname }) => ({
      id,
      firstname,
      lastname,
    })),
    quotes,
    revision: source.revision ?? null,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  });

  const findStored = async (documentId: string) => {
    const source = (await documents().findOne({
      documentId,
      populate: SUMMARY_POPULATE,
    } as Modules.Documents.ServiceParams<
      typeof CONFIDENTIAL_SOURCE_UID
    >['findOne'])) as StoredSource | null;
    if (!source) {
      throw new errors.NotFoundError(`No confidential source has the documentId "${documentId}"`);
    }
    return source;
  };

  const summaryOf = async (
    documentId: string,
    userAbility?: UserAbility
  ): Promise<SourceSummary> => {
    const source = await findStored(documentId);
    return summarize(source, (await linkedQuotes([documentId], userAbility)).get(documentId)!);
  };

  const log = () => getService('source-access-log', { strapi });

  /**
   * An updated row's old bytes can survive in the database's free pages (SQLite) or dead row
   * versions (PostgreSQL) until the engine reclaims them; after a rotation the old ciphertext
   * must go. SQLite's VACUUM rewrites the whole file. On PostgreSQL a plain VACUUM removes the
   * dead versions without locking readers out; VACUUM FULL, which also rewrites the table's files,
   * takes an exclusive lock and is left to the operator (see docs/confidential-sources.md).
   */
  const compactStorage = async () => {
    const connection = knexOf(strapi);
    const client = databaseClient(strapi);
    if (client === 'sqlite') {
      await connection.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      await connection.raw('VACUUM');
    } else if (client === 'postgres') {
      await connection.raw('VACUUM ??', [tableName(strapi, CONFIDENTIAL_SOURCE_UID)]);
    }
  };

  return {
    /**
     * Every source, or those whose alias contains `q` (ignoring case). Only the alias is searched:
     * it is stored in clear, while a search on the encrypted fields could not run in SQL and, run
     * on decrypted values, would tell who a source is to anyone allowed to list the register.
     */
    async list({ q }: { q?: string } = {}, userAbility?: UserAbility): Promise<SourceSummary[]> {
      const sources = (await documents().findMany({
        ...(q ? { filters: { alias: { $containsi: q } } } : {}),
        sort: [{ alias: 'asc' }],
        fields: ['alias', 'revision', 'createdAt', 'updatedAt'],
        populate: SUMMARY_POPULATE,
      } as Modules.Documents.ServiceParams<
        typeof CONFIDENTIAL_SOURCE_UID
      >['findMany'])) as StoredSource[];
      const quotes = await linkedQuotes(
        sources.map(({ documentId }) => documentId),
        userAbility
      );
      return sources.map((source) => summarize(source, quotes.get(source.documentId)!));
    },

    findOne: summaryOf,

    /** The admin users an editor can name as knowing a source: active ones, by name. */
    async editors(): Promise<Editor[]> {
      return strapi.db.query('admin::user').findMany({
        select: ['id', 'firstname', 'lastname', 'username'],
        where: { isActive: true },
        orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }],
      });
    },

    /** The identity fields, decrypted, for a user allowed to see them; the reveal is logged first. */
    async reveal(
      documentId: string,
      actor: Actor,
      userAbility?: UserAbility
    ): Promise<RevealedSource> {
      const source = await findStored(documentId);
      const identity = getService('source-encryption', { strapi }).decryptFields(source);
      await log().record('reveal', source, ENCRYPTED_SOURCE_FIELDS, actor);
      return {
        ...summarize(source, (await linkedQuotes([documentId], userAbility)).get(documentId)!),
        ...identity,
      };
    },

    async create(input: SourceInput, actor: Actor, userAbility?: UserAbility) {
      const created = await strapi.db.transaction(async () => {
        const source = (await documents().create({ data: toData(input) })) as StoredSource;
        await log().record('create', source, Object.keys(input), actor);
        return source;
      });
      return summaryOf(created.documentId, userAbility);
    },

    /**
     * Edits a source if it is still the revision the editor loaded (undefined: code holding no
     * revision); otherwise nothing is written and a StaleRevisionError says why.
     */
    async update(
      documentId: string,
      input: SourceInput,
      actor: Actor,
      revision?: string | null,
      userAbility?: UserAbility
    ) {
      const stored = await findStored(documentId);
      await strapi.db.transaction(async () => {
        await getService('revisions', { strapi }).advance(
          CONFIDENTIAL_SOURCE_UID,
          documentId,
          revision,
          `The source ${stored.alias}`
        );
        const source = (await documents().update({
          documentId,
          data: toData(input),
        })) as StoredSource;
        await log().record('update', source, Object.keys(input), actor);
      });
      return summaryOf(documentId, userAbility);
    },

    /**
     * Re-encrypts every source under the keyring's current (first) key, through the Document
     * Service so the write is validated and encrypted like any other. Values written before
     * encryption existed (plain text), and v1 envelopes (bound to their field only), are rewritten
     * too, as envelopes bound to their source. Returns what it changed.
     */
    async reencryptAll() {
      const encryption = getService('source-encryption', { strapi });
      const keyId = encryption.currentKeyId();
      if (!keyId) {
        throw new Error('No encryption key is configured: nothing to re-encrypt with.');
      }
      const sources = (await documents().findMany({
        fields: ['alias', ...ENCRYPTED_SOURCE_FIELDS],
      } as Modules.Documents.ServiceParams<
        typeof CONFIDENTIAL_SOURCE_UID
      >['findMany'])) as StoredSource[];

      let values = 0;
      let updated = 0;
      for (const source of sources) {
        const stale = ENCRYPTED_SOURCE_FIELDS.filter(
          (field) => !encryption.isCurrent(source[field])
        );
        if (stale.length === 0) {
          continue;
        }
        const encrypted = stale.filter((field) => parseEnvelope(String(source[field])) !== null);
        const plaintext = encryption.decryptFields({
          documentId: source.documentId,
          ...Object.fromEntries(encrypted.map((field) => [field, source[field]])),
        });
        const data = Object.fromEntries(
          stale.map((field) => [
            field,
            encrypted.includes(field) ? plaintext[field] : source[field],
          ])
        );
        await strapi.db.transaction(async () => {
          await documents().update({
            documentId: source.documentId,
            data: data as Modules.Documents.Params.Data.Input<typeof CONFIDENTIAL_SOURCE_UID>,
          });
          await log().record('reencrypt', source, stale, null);
        });
        values += stale.length;
        updated += 1;
      }
      if (updated > 0) {
        await compactStorage();
      }
      return { keyId, sources: sources.length, updated, values };
    },
  };
};

export default confidentialSources;
