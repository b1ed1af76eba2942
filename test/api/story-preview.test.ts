import { previewKey, sign, toQuery, type PreviewGrant } from '../../server/src/preview/token';
import {
  contentManagerPermissions,
  createAdminRole,
  createAdminUser,
  authorPresetPermissions,
  grantPublicPermission,
} from '../helpers/auth';
import { issueCorrection } from '../helpers/corrections';
import { createSourcedStory, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

/**
 * Issue 19, item 4: the Content Manager's preview of a story. Strapi's own admin route asks the
 * app's handler (playground/config/admin.ts) for the URL; the plugin answers with a signed link
 * to a page that shows the draft as readers would see it. Read over HTTP as the admin panel and
 * its iframe read it: the iframe sends no token, so the link alone must be enough, and nothing
 * else may be.
 */

const PREVIEW_URL = `/content-manager/preview/url/${UIDS.story}`;
const CANARY = {
  editorNotes: 'CANARY-EDITOR-NOTES-7f3a',
  howSourceKnows: 'CANARY-HOW-SOURCE-KNOWS-91cd',
  identity: 'CANARY-IDENTITY-Jane-Doe-4b2e',
  alias: 'CANARY-ALIAS-0e11',
  approvalComment: 'CANARY-APPROVAL-COMMENT-5d5d',
};
const PUBLISHED_TITLE = 'Intelligence agencies assess foreign election threats';
const DRAFT_TITLE = 'Draft headline no reader has seen yet';
const DRAFT_QUOTE = 'There will be more sanctions soon, and they will be broad.';

describe('the story preview', () => {
  let app: TestApp;
  let chief: Awaited<ReturnType<typeof createAdminUser>>;
  let documentId: string;
  let sourceDocumentId: string;

  /** What the admin panel does: asks Strapi's preview route for the story's URL. */
  const askUrl = (token: string, query: Record<string, string> = {}) =>
    app
      .request()
      .get(PREVIEW_URL)
      .query({ documentId, status: 'draft', ...query })
      .set('Authorization', `Bearer ${token}`);
  const urlFor = async (token: string, query: Record<string, string> = {}) => {
    const res = await askUrl(token, query).expect(200);
    expect(typeof res.body.data.url).toBe('string');
    return res.body.data.url as string;
  };
  /** What the iframe does: loads the URL, with no credentials. */
  const load = (url: string) => app.request().get(url);

  /** The link with one query parameter changed, as someone editing it by hand would. */
  const withParam = (url: string, name: string, value: string | null) => {
    const parsed = new URL(url, 'http://localhost');
    if (value === null) {
      parsed.searchParams.delete(name);
    } else {
      parsed.searchParams.set(name, value);
    }
    return `${parsed.pathname}?${parsed.searchParams.toString()}`;
  };

  const expectNothingRendered = (res: { status: number; text: string; headers: object }) => {
    expect(res.text).not.toContain(DRAFT_TITLE);
    expect(res.text).not.toContain(PUBLISHED_TITLE);
    expect(res.text).not.toContain('<html');
    expect((res.headers as Record<string, string>)['cache-control']).toContain('no-store');
  };

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    const approver = await createAdminUser(app);
    await grantPublicPermission(app, 'plugin::intelligence-stories.story.findOne');

    const story = await createSourcedStory(app, { title: PUBLISHED_TITLE, knownBy: chief.user.id });
    documentId = story.documentId;
    const stored = await app.strapi.documents(UIDS.story).findOne({
      documentId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    sourceDocumentId = stored!.anonymousQuotes![0].confidentialSource!.documentId;
    await app.strapi.documents(UIDS.confidentialSource).update({
      documentId: sourceDocumentId,
      data: { identity: CANARY.identity, alias: CANARY.alias },
    });
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId, data: { editorNotes: CANARY.editorNotes } });
    await updateQuote(app, documentId, {
      howSourceKnows: CANARY.howSourceKnows,
      confidentialSource: sourceDocumentId,
    });
    const approved = await sourcingApi(app, approver.token).approve(documentId, 0, {
      comment: CANARY.approvalComment,
    });
    expect(approved.status).toBe(200);
    await app.strapi.documents(UIDS.story).publish({ documentId });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('shows the draft of a story whose quote is approved, with no marker, and its correction', async () => {
    await issueCorrection(app, chief.token, documentId, {
      kind: 'clarification',
      text: 'This story now names the report it is based on.',
    });
    const url = await urlFor(chief.token);
    expect(url).toMatch(/^\/intelligence-stories\/preview\/stories\/[a-z0-9]+\?/);
    const page = await load(url).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(PUBLISHED_TITLE);
    expect(page.text).toContain('There will be more soon.');
    expect(page.text).not.toContain('Awaiting standards approval');
    expect(page.text).toContain('This story now names the report it is based on.');
  });

  it('shows a draft change readers do not see yet, the quote awaiting approval marked, and the corrections that will show', async () => {
    await app.strapi.documents(UIDS.story).update({ documentId, data: { title: DRAFT_TITLE } });
    // Editing the approved quote voids its approval: it awaits the standards desk again.
    await updateQuote(app, documentId, {
      quote: DRAFT_QUOTE,
      howSourceKnows: CANARY.howSourceKnows,
      confidentialSource: sourceDocumentId,
    });
    const held = await issueCorrection(app, chief.token, documentId, {
      kind: 'correction',
      text: 'An earlier headline understated the finding.',
    });
    expect(held).toMatchObject({ held: true });

    const reader = await app
      .request()
      .get(`/api/intelligence-stories/stories/${documentId}`)
      .expect(200);
    expect(reader.body.data.title).toBe(PUBLISHED_TITLE);

    const page = await load(await urlFor(chief.token)).expect(200);
    expect(page.text).toContain(DRAFT_TITLE);
    expect(page.text).not.toContain(PUBLISHED_TITLE);
    expect(page.text).toContain(DRAFT_QUOTE);
    expect(page.text).toMatch(
      /<span class="marker">Awaiting standards approval[^<]*<\/span>\s*<blockquote>There will be more sanctions soon/
    );
    expect(page.text).toContain('This story now names the report it is based on.');
    expect(page.text).toContain('An earlier headline understated the finding.');
    expect(page.text).toContain('Shown to readers when this draft is published.');

    // The published version is previewed as it is: the old title, the approved quote.
    const published = await load(await urlFor(chief.token, { status: 'published' })).expect(200);
    expect(published.text).toContain(PUBLISHED_TITLE);
    expect(published.text).not.toContain('Awaiting standards approval');
  });

  it('never shows a private field, the confidential source or an approval', async () => {
    const page = await load(await urlFor(chief.token)).expect(200);
    for (const canary of Object.values(CANARY)) {
      expect(page.text).not.toContain(canary);
    }
    expect(page.text).not.toContain(sourceDocumentId);
    expect(page.text).not.toMatch(/isenc:|@test\.local|approvedFingerprint|revision/);
  });

  it('is served uncached, unscripted and framed only by the admin', async () => {
    const page = await load(await urlFor(chief.token)).expect(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(page.text).not.toContain('<script');
  });

  it('refuses a missing, altered or expired link and renders nothing', async () => {
    const url = await urlFor(chief.token);
    const signature = new URL(url, 'http://localhost').searchParams.get('signature')!;
    const flipped = `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`;
    const refused = {
      'no signature': withParam(url, 'signature', null),
      'no query': url.split('?')[0],
      'a changed signature': withParam(url, 'signature', flipped),
      'a malformed signature': withParam(url, 'signature', 'not-hex'),
      'a later expiry': withParam(url, 'expires', String(Math.floor(Date.now() / 1000) + 86_400)),
      'the published status': withParam(url, 'status', 'published'),
      'another user': withParam(url, 'user', String(chief.user.id + 1)),
      'another locale': withParam(url, 'locale', 'fr'),
      'another story': url.replace(documentId, 'a'.repeat(documentId.length)),
      'a list for a value': `${withParam(url, 'signature', null)}&signature[]=${signature}`,
    };
    for (const [what, altered] of Object.entries(refused)) {
      const res = await load(altered);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
      expect(res.body.error.message).toMatch(/^This preview link is not valid: /);
      expectNothingRendered(res);
    }

    // Signed with the app's key, but expired a second ago.
    const expired: PreviewGrant = {
      documentId,
      locale: 'en',
      status: 'draft',
      userId: chief.user.id,
      expires: Math.floor(Date.now() / 1000) - 1,
    };
    const key = previewKey(app.secrets.ADMIN_JWT_SECRET);
    const res = await load(
      `/intelligence-stories/preview/stories/${documentId}?${toQuery(expired, sign(key, expired))}`
    );
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
    expectNothingRendered(res);
  });

  it('gives no URL to a user who may not read the story, and stops serving one whose user lost the right', async () => {
    const nobody = await createAdminUser(app, { role: await createAdminRole(app, []) });
    const none = await askUrl(nobody.token);
    expect(none.status).toBe(204);
    expect(none.body).toEqual({});

    // An Author reads only the stories they created.
    const author = await createAdminUser(app, {
      role: await createAdminRole(app, await authorPresetPermissions(app)),
    });
    expect((await askUrl(author.token)).status).toBe(204);

    // Read on stories, in the default locale (i18n limits a localized type's permission to locales).
    const { read } = contentManagerPermissions(app, UIDS.story);
    const reader = await createAdminUser(app, {
      role: await createAdminRole(app, [
        { ...read, properties: { ...read.properties, locales: ['en'] } } as typeof read,
      ]),
    });
    const url = await urlFor(reader.token);
    expect((await load(url)).status).toBe(200);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: reader.user.id }, data: { isActive: false } });
    const res = await load(url);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/may not read this story/);
    expectNothingRendered(res);
  });

  it('previews the locale asked for, the default one when none is named, and refuses an unknown one', async () => {
    const defaultLocale = await app.strapi.plugin('i18n').service('locales').getDefaultLocale();
    expect(new URL(await urlFor(chief.token), 'http://localhost').searchParams.get('locale')).toBe(
      defaultLocale
    );

    await app.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
    await app.strapi.documents(UIDS.story).update({
      documentId,
      locale: 'fr',
      data: {
        title: 'Titre du brouillon en français',
        slug: 'titre-du-brouillon-en-francais',
        kind: 'news',
      } as never,
    });
    const french = await load(await urlFor(chief.token, { locale: 'fr' })).expect(200);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('Titre du brouillon en français');
    expect(french.text).not.toContain(DRAFT_TITLE);
    // The English correction is not the French version's.
    expect(french.text).not.toContain('This story now names the report it is based on.');

    expect((await askUrl(chief.token, { locale: 'xx-nowhere' })).status).toBe(400);
  });
});
