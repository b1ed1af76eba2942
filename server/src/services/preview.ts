import type { Core, Modules } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';

import type { CorrectionKind } from '../../../shared/contracts/corrections';
import { type PreviewModel, type BlockNode } from '../preview/page';
import { previewKey, sign, toQuery, verify, type PreviewGrant } from '../preview/token';
import { awaitedDecision } from '../rules/awaited-decision';
import { contentManagerService } from '../strapi-internals/content-manager';
import type { AnonymousQuote, Correction, SourceDocument, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { CORRECTION_UID, PLUGIN_ID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import {
  PUBLIC_CORRECTION_FIELDS,
  PUBLIC_SOURCE_DOCUMENT_FIELDS,
  PUBLIC_STORY_FIELDS,
  PUBLIC_STORY_POPULATE,
} from '../utils/public-fields';

/**
 * Strapi 5's Content Manager preview for stories: a signed link to a page that shows one version
 * of a story (the draft, by default) as readers would see it. The link is made for the admin user
 * whose request asks for it (Strapi calls the app's `config/admin.ts` preview handler from its
 * authenticated admin route), and the page checks the link, its expiry, and that this user may
 * still read the story, before it reads anything.
 */

/** Where the page is served: the plugin's admin API prefix, outside `/admin` and `/api`. */
export const PREVIEW_PATH = `/${PLUGIN_ID}/preview/stories`;

const DEFAULT_TTL_SECONDS = 30 * 60;
const MAX_TTL_SECONDS = 24 * 60 * 60;

export type PreviewUrlParams = {
  documentId?: string;
  locale?: string | null;
  /** As the Content Manager sends it: `published`, or anything else for the draft. */
  status?: string | null;
};

export type PreviewUrlOptions = {
  /**
   * Prepended to the page's path, e.g. `https://cms.example.com` when the admin panel is not
   * served from the Strapi server's origin. By default the URL is a path on the admin's origin.
   */
  baseUrl?: string;
  /** How long the link works, in seconds: 30 minutes by default, a day at most. */
  expiresInSeconds?: number;
};

type AdminUser = { id: number; isActive?: boolean; roles?: unknown[] };
type Ability = unknown;

const grantSchema: yup.AnyObjectSchema = yup.object({
  documentId: yup
    .string()
    .required('documentId is missing')
    .matches(/^[a-z0-9]{1,64}$/, 'documentId is not a story documentId'),
  locale: yup
    .string()
    .required('locale is missing')
    .matches(/^[A-Za-z0-9-]{1,16}$/, 'locale is not a locale code'),
  status: yup
    .mixed<'draft' | 'published'>()
    .required('status is missing')
    .oneOf(['draft', 'published'], 'status must be draft or published'),
  user: yup
    .string()
    .required('user is missing')
    .matches(/^[1-9]\d{0,15}$/, 'user is not a user id'),
  expires: yup
    .string()
    .required('expires is missing')
    .matches(/^\d{1,12}$/, 'expires is not a time'),
  signature: yup
    .string()
    .required('signature is missing: open the preview from the Content Manager')
    .matches(/^[0-9a-f]{64}$/, 'signature is malformed'),
});

const preview = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => {
    const secret = strapi.config.get('admin.auth.secret') as string | undefined;
    if (!secret) {
      throw new errors.ApplicationError(
        'intelligence-stories: the preview link is signed with a key derived from admin.auth.secret, which is not set'
      );
    }
    return previewKey(secret);
  };

  /**
   * The version the link shows, with what the page and the read check need: the public fields
   * (the allow-list), the quotes' sourcing and approval for their decision, `createdBy` and
   * `locale` for the Content Manager's permission conditions (an Author reads their own stories;
   * a role may be limited to some locales).
   */
  const readVersion = async ({
    documentId,
    locale,
    status,
  }: Omit<PreviewGrant, 'userId' | 'expires'>) =>
    (await strapi.documents(STORY_UID).findOne({
      documentId,
      locale,
      status,
      // `locale` exists once i18n localizes the type.
      fields: [
        ...PUBLIC_STORY_FIELDS,
        ...('locale' in strapi.getModel(STORY_UID).attributes ? ['locale'] : []),
      ],
      populate: {
        ...PUBLIC_STORY_POPULATE,
        // All of a quote's fields: the Document Service refuses private ones by name, and the
        // decision needs them (howSourceKnows and the attestation are in the fingerprint).
        anonymousQuotes: {
          populate: {
            confidentialSource: { fields: ['documentId'] },
            approvedBy: { fields: ['id'] },
          },
        },
        createdBy: { fields: ['id'] },
      },
    } as Modules.Documents.ServiceParams<typeof STORY_UID>['findOne'])) as Story | null;

  /** Whether this ability may read this version in the Content Manager, conditions included. */
  const mayRead = (ability: Ability, version: Story) =>
    !contentManagerService(strapi, 'permission-checker')
      .create({ userAbility: ability, model: STORY_UID })
      .cannot.read(version);

  /** The admin user's ability now: a role changed since the link was made counts. */
  const abilityOf = async (userId: number): Promise<Ability | null> => {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: userId },
      populate: ['roles'],
    })) as AdminUser | null;
    if (!user || user.isActive !== true) {
      return null;
    }
    const engine = strapi.service('admin::permission').engine as {
      generateUserAbility(user: AdminUser): Promise<Ability>;
    };
    return engine.generateUserAbility(user);
  };

  /** The corrections readers will see with this version: the public ones and those held for it. */
  const correctionsOf = async (documentId: string, locale: string) => {
    const defaultLocale = await getService('locales', { strapi }).defaultLocale();
    // Corrections issued before stories had locales carry none: they are the default locale's.
    const inLocale =
      locale === defaultLocale ? { $or: [{ locale }, { locale: { $null: true } }] } : { locale };
    return (await strapi.documents(CORRECTION_UID).findMany({
      filters: { storyDocumentId: documentId, ...inLocale },
      fields: [...PUBLIC_CORRECTION_FIELDS, 'held'],
      sort: [{ issuedAt: 'asc' }, { id: 'asc' }],
    } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany'])) as Correction[];
  };

  /** The linked source documents readers can see: those with a published version. */
  const publishedSourceDocuments = async (linked: SourceDocument[]) =>
    linked.length === 0
      ? []
      : ((await strapi.documents(SOURCE_DOCUMENT_UID).findMany({
          filters: { documentId: { $in: linked.map(({ documentId }) => documentId) } },
          fields: PUBLIC_SOURCE_DOCUMENT_FIELDS,
          status: 'published',
        } as Modules.Documents.ServiceParams<
          typeof SOURCE_DOCUMENT_UID
        >['findMany'])) as SourceDocument[]);

  const toModel = async (grant: PreviewGrant, version: Story): Promise<PreviewModel> => {
    const quotes = (version.anonymousQuotes ?? []) as Array<
      AnonymousQuote & { confidentialSource: { documentId: string } | null }
    >;
    const facts = await getService('approvers', { strapi }).decisionFacts(quotes);
    const linked = version.sourceDocuments ?? [];
    const visible = await publishedSourceDocuments(linked);
    const corrections = await correctionsOf(grant.documentId, grant.locale);
    return {
      locale: grant.locale,
      status: grant.status,
      title: version.title,
      dek: version.dek ?? null,
      dateline: version.dateline ?? null,
      kind: version.kind,
      backstory: version.backstory ?? null,
      body: (version.body ?? []) as BlockNode[],
      bylines: (version.bylines ?? []).map(({ name, role }) => ({ name, role: role ?? null })),
      citations: (version.citations ?? []).map((citation) => ({
        page: citation.page ?? null,
        passage: citation.passage ?? null,
        passageType: citation.passageType ?? null,
        sourceDocument: citation.sourceDocument
          ? {
              title: citation.sourceDocument.title,
              issuer: citation.sourceDocument.issuer ?? null,
              documentNumber: citation.sourceDocument.documentNumber ?? null,
            }
          : null,
      })),
      // The allow-list's quote fields (PUBLIC_STORY_POPULATE.anonymousQuotes), picked one by one:
      // howSourceKnows, the source and the approval were read for the decision and stop here.
      quotes: quotes.map((quote, index) => ({
        quote: quote.quote,
        attribution: quote.attribution,
        anonymityReason: quote.anonymityReason,
        awaiting: awaitedDecision(quote, facts[index]),
      })),
      sourceDocuments: visible.map((document) => ({
        title: document.title,
        issuer: document.issuer ?? null,
        documentNumber: document.documentNumber ?? null,
        officialUrl: document.officialUrl ?? null,
      })),
      unpublishedSourceDocuments: linked.length - visible.length,
      corrections: corrections.map((correction) => ({
        kind: correction.kind as CorrectionKind,
        text: correction.text,
        issuedAt: correction.issuedAt,
        held: Boolean(correction.held),
      })),
    };
  };

  return {
    /**
     * The preview link of one story version for the admin user of the current request, or null
     * when there is none to give: another type, no signed-in admin (a call from code), no such
     * version, or a user who may not read it in the Content Manager (Strapi then answers 204 and
     * shows no preview button). An unknown locale is refused with a 400 naming it.
     */
    async urlFor(
      uid: string,
      params: PreviewUrlParams,
      options: PreviewUrlOptions = {}
    ): Promise<string | null> {
      if (uid !== STORY_UID || typeof params.documentId !== 'string') {
        return null;
      }
      // Strapi's preview handler gets no request: its admin route runs inside the request context.
      const state = strapi.requestContext.get()?.state as
        | { user?: AdminUser; userAbility?: Ability; auth?: { strategy?: { name?: string } } }
        | undefined;
      if (!state?.user || !state.userAbility || state.auth?.strategy?.name !== 'admin') {
        return null;
      }
      const locale = await getService('locales', { strapi }).resolve(params.locale ?? undefined);
      const status = params.status === 'published' ? 'published' : 'draft';
      const version = await readVersion({ documentId: params.documentId, locale, status });
      if (!version || !mayRead(state.userAbility, version)) {
        return null;
      }
      const ttl = Math.min(
        MAX_TTL_SECONDS,
        Math.max(1, Math.floor(options.expiresInSeconds ?? DEFAULT_TTL_SECONDS))
      );
      const grant: PreviewGrant = {
        documentId: params.documentId,
        locale,
        status,
        userId: state.user.id,
        expires: Math.floor(Date.now() / 1000) + ttl,
      };
      const base = (options.baseUrl ?? '').replace(/\/+$/, '');
      return `${base}${PREVIEW_PATH}/${encodeURIComponent(grant.documentId)}?${toQuery(grant, sign(key(), grant))}`;
    },

    /**
     * The page model a link shows. Refuses, before reading the story: a link that is missing a
     * part, malformed or altered (401), expired (401), or whose user is gone, deactivated or may
     * no longer read the story (403). 404 when the version no longer exists.
     */
    async modelFor(documentId: string, query: Record<string, unknown>): Promise<PreviewModel> {
      let parsed: yup.InferType<typeof grantSchema>;
      try {
        parsed = await grantSchema.validate({ ...query, documentId }, { stripUnknown: true });
      } catch (error) {
        throw new errors.UnauthorizedError(
          `This preview link is not valid: ${(error as Error).message}`
        );
      }
      const grant: PreviewGrant = {
        documentId: parsed.documentId,
        locale: parsed.locale,
        status: parsed.status as PreviewGrant['status'],
        userId: Number(parsed.user),
        expires: Number(parsed.expires),
      };
      if (!verify(key(), grant, parsed.signature)) {
        throw new errors.UnauthorizedError(
          'This preview link is not valid: its signature does not match'
        );
      }
      if (grant.expires * 1000 <= Date.now()) {
        throw new errors.UnauthorizedError(
          'This preview link has expired: open the preview again from the Content Manager'
        );
      }
      const ability = await abilityOf(grant.userId);
      const version = ability ? await readVersion(grant) : null;
      if (!ability || (version && !mayRead(ability, version))) {
        throw new errors.ForbiddenError(
          'The user this preview link was made for may not read this story'
        );
      }
      if (!version) {
        throw new errors.NotFoundError(
          `This story has no ${grant.status} version in ${grant.locale}`
        );
      }
      return toModel(grant, version);
    },
  };
};

export default preview;
