import crypto from 'crypto';

import { authorPresetPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { SOURCE_ACTIONS } from '../helpers/confidential-sources';
import { createSourcedStory } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Admin = { token: string; user: { id: number; email: string } };

const QUOTE = 'intelligence-stories.anonymous-quote';
const CITATION = 'intelligence-stories.document-citation';
const canary = (name: string) => `CANARY-${name}-${crypto.randomBytes(6).toString('hex')}`;

/**
 * Issue 15's chain, as an adversary sends it: the Content Manager's relation routes with `fields`,
 * `populate` and `filters`, from an admin whose role holds nothing, an Author, and a super admin.
 */
describe('the Content Manager relation routes and the register', () => {
  let app: TestApp;
  let chief: Admin;
  let empty: Admin;
  let author: Admin;
  let reporter: Admin; // Strapi's Author preset plus the plugin's sourcing.read
  let storyDocumentId: string;
  let quoteId: number;
  let sourceDocumentId: string;
  const identity = canary('identity');
  const registrationToken = canary('registration-token');
  const alias = 'ALIAS-RELATIONS-1';

  const get = (admin: Admin, path: string, query: Record<string, unknown> = {}) =>
    app
      .request()
      .get(`/content-manager${path}`)
      .query(query)
      .set('Authorization', `Bearer ${admin.token}`);

  /** Nothing of the register, no admin credential, no admin e-mail, whatever the status. */
  const expectNothingConfidential = (body: unknown, { aliasAllowed = false } = {}) => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(identity);
    expect(text).not.toContain('isenc:');
    expect(text).not.toMatch(/\$2[aby]\$/);
    expect(text).not.toContain(registrationToken);
    expect(text).not.toContain(chief.user.email);
    if (!aliasAllowed) {
      expect(text).not.toContain(alias);
    }
  };

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    empty = await createAdminUser(app, { role: await createAdminRole(app, []) });
    author = await createAdminUser(app, { role: 'strapi-author' });
    const reporterRole = await createAdminRole(app, [
      ...(await authorPresetPermissions(app)),
      { action: SOURCE_ACTIONS.readSourcing },
    ]);
    reporter = await createAdminUser(app, { role: reporterRole });

    const story = await createSourcedStory(app, {
      title: 'Relations story',
      knownBy: chief.user.id,
    });
    storyDocumentId = story.documentId;
    const withSource = await app.strapi.documents(UIDS.story).findOne({
      documentId: storyDocumentId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    quoteId = Number(withSource!.anonymousQuotes![0].id);
    sourceDocumentId = withSource!.anonymousQuotes![0].confidentialSource!.documentId;
    await app.strapi
      .documents(UIDS.confidentialSource)
      .update({ documentId: sourceDocumentId, data: { alias, identity } });
    // An admin whose invitation is still open, as the issue found the playground's demo admin.
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: chief.user.id }, data: { registrationToken } });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('answers the issue’s request from an empty role with a refusal and nothing of the register', async () => {
    const attack = await get(empty, `/relations/${QUOTE}/confidentialSource`, {
      fields: ['alias', 'identity'],
      populate: 'editorsWhoKnow',
    });
    expect(attack.status).toBe(400);
    expect(attack.body.error.message).toContain('fields');
    expectNothingConfidential(attack.body);

    // Without the extra parameters: the picker itself needs sourcing.read.
    const plain = await get(empty, `/relations/${QUOTE}/confidentialSource`);
    expect(plain.status).toBe(403);
    expect(plain.body.error.message).toContain('sourcing.read');
    expectNothingConfidential(plain.body);
    const existing = await get(empty, `/relations/${QUOTE}/${quoteId}/confidentialSource`);
    expect(existing.status).toBe(403);
    expectNothingConfidential(existing.body);
  });

  it('refuses every parameter the picker does not send, for any caller and any relation', async () => {
    const probes: Array<[string, Record<string, unknown>]> = [
      [
        `/relations/${QUOTE}/confidentialSource`,
        { filters: { editorsWhoKnow: { email: { $startsWith: 'a' } } } },
      ],
      [`/relations/${QUOTE}/confidentialSource`, { sort: 'identity:asc' }],
      [`/relations/${CITATION}/sourceDocument`, { populate: { createdBy: '*' } }],
      [`/relations/${CITATION}/sourceDocument`, { fields: ['title'], populate: '*' }],
      [
        `/relations/${UIDS.story}/sourceDocuments`,
        { populate: { createdBy: { fields: ['password'] } } },
      ],
      [`/relations/${UIDS.story}/${storyDocumentId}/sourceDocuments`, { populate: '*' }],
      [`/relations/${QUOTE}/confidentialSource`, { _filter: '$eq', _q: alias }],
    ];
    for (const admin of [empty, author, reporter, chief]) {
      for (const [path, query] of probes) {
        const res = await get(admin, path, query);
        expect({ path, query, status: res.status }).toEqual({ path, query, status: 400 });
        expectNothingConfidential(res.body);
      }
    }
  });

  it('refuses the relations no picker shows: approvals, authors and the register’s own links', async () => {
    const paths = [
      `/relations/${QUOTE}/approvedBy`,
      `/relations/${QUOTE}/${quoteId}/approvedBy`,
      `/relations/${UIDS.story}/createdBy`,
      `/relations/${UIDS.confidentialSource}/editorsWhoKnow`,
      `/relations/${UIDS.confidentialSource}/${sourceDocumentId}/editorsWhoKnow`,
    ];
    for (const admin of [empty, author, reporter, chief]) {
      for (const path of paths) {
        const res = await get(admin, path);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expectNothingConfidential(res.body);
      }
    }
  });

  it('lets a reporter with sourcing.read pick a source by its alias, and shows the linked one by alias', async () => {
    const other = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: 'ALIAS-OTHER-2', identity: canary('other') } });

    const search = await get(reporter, `/relations/${QUOTE}/confidentialSource`, {
      _q: 'other-2',
      pageSize: 10,
    });
    expect(search.status).toBe(200);
    expect(search.body.results).toEqual([
      {
        id: expect.any(Number),
        documentId: other.documentId,
        alias: 'ALIAS-OTHER-2',
        updatedAt: expect.any(String),
        publishedAt: expect.anything(),
      },
    ]);
    expect(search.body.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 1 });

    // Editing the quote: its own source is not offered again, the other one is.
    const available = await get(reporter, `/relations/${QUOTE}/confidentialSource`, {
      id: String(quoteId),
    });
    expect(available.status).toBe(200);
    const offered = available.body.results.map((row: { alias: string }) => row.alias);
    expect(offered).toContain('ALIAS-OTHER-2');
    expect(offered).not.toContain(alias);

    const existing = await get(reporter, `/relations/${QUOTE}/${quoteId}/confidentialSource`);
    expect(existing.status).toBe(200);
    expect(existing.body.results).toEqual([
      expect.objectContaining({ documentId: sourceDocumentId, alias }),
    ]);
    for (const body of [search.body, available.body, existing.body]) {
      expectNothingConfidential(body, { aliasAllowed: true });
      for (const row of body.results) {
        expect(Object.keys(row).sort()).toEqual(
          ['alias', 'documentId', 'id', 'publishedAt', 'updatedAt'].sort()
        );
      }
    }

    for (const id of ['999999', 'not-an-id']) {
      const missing = await get(reporter, `/relations/${QUOTE}/${id}/confidentialSource`);
      expect({ id, status: missing.status }).toEqual({ id, status: 404 });
    }
  });

  it('still answers the pickers of ordinary relations, with their labels only', async () => {
    const res = await get(chief, `/relations/${CITATION}/sourceDocument`, { _q: '', page: '1' });
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    for (const row of res.body.results) {
      expect(row).toHaveProperty('documentId');
      expect(row).not.toHaveProperty('createdBy');
      expect(row).not.toHaveProperty('file');
    }
  });

  it('serves the register through no Content Manager route, super admins included', async () => {
    const permissions = await app.strapi.db.query('admin::permission').findMany({
      where: { subject: { $in: [UIDS.confidentialSource, UIDS.sourceAccessLog] } },
    });
    expect(permissions).toEqual([]);

    const paths = [
      `/collection-types/${UIDS.confidentialSource}`,
      `/collection-types/${UIDS.confidentialSource}/${sourceDocumentId}`,
      `/content-types/${UIDS.confidentialSource}/configuration`,
      `/collection-types/${UIDS.sourceAccessLog}`,
    ];
    for (const path of paths) {
      const res = await get(chief, path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expectNothingConfidential(res.body);
    }
    // Named in a query instead of the path.
    const byQuery = await get(chief, '/history-versions', { contentType: UIDS.confidentialSource });
    expect([403, 404]).toContain(byQuery.status);
    expectNothingConfidential(byQuery.body);

    // A story populated down to its quotes' sources: the super admin gets no part of the register.
    const story = await get(chief, `/collection-types/${UIDS.story}/${storyDocumentId}`, {
      populate: { anonymousQuotes: { populate: { confidentialSource: { populate: '*' } } } },
    });
    expect(story.status).toBe(403);
    expectNothingConfidential(story.body, { aliasAllowed: false });

    // Writing a source through the Content Manager, with the body naming nothing: refused too.
    const update = await app
      .request()
      .put(`/content-manager/collection-types/${UIDS.confidentialSource}/${sourceDocumentId}`)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({ alias: 'OVERWRITTEN', identity: 'isenc:v1:forged' });
    expect(update.status).toBe(403);
    const stored = await app.strapi
      .documents(UIDS.confidentialSource)
      .findOne({ documentId: sourceDocumentId, fields: ['alias'] });
    expect(stored!.alias).toBe(alias);
  });

  it('withholds any response that would carry an envelope, whichever route builds it', async () => {
    // A route nobody guarded, simulated: ciphertext copied into a story's dek, read back through
    // the Content Manager. The guard cannot know the route, only what the response holds.
    const envelope = (
      await app.strapi.db
        .connection('intel_confidential_sources')
        .where({ document_id: sourceDocumentId })
        .first('identity')
    ).identity as string;
    expect(envelope).toMatch(/^isenc:/);
    const story = await createSourcedStory(app, { title: 'Leaky dek', knownBy: chief.user.id });
    await app.strapi.db
      .connection('intel_stories')
      .where({ document_id: story.documentId })
      .update({ dek: `Copied: ${envelope}` });

    const res = await get(chief, `/collection-types/${UIDS.story}/${story.documentId}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('withheld');
    expectNothingConfidential(res.body);
  });

  it('still lets Strapi show an invitation link to whoever may manage admin users', async () => {
    const invite = await app
      .request()
      .post('/admin/users')
      .set('Authorization', `Bearer ${chief.token}`)
      .send({
        email: `invited-${crypto.randomBytes(4).toString('hex')}@test.local`,
        firstname: 'Invited',
        lastname: 'Editor',
        roles: [(await app.strapi.service('admin::role').getSuperAdmin()).id],
      });
    expect(invite.status).toBe(201);
    expect(invite.body.data.registrationToken).toEqual(expect.any(String));
  });

  it('refuses queries that reach the register through a story’s quotes, super admins included', async () => {
    const editor = await createAdminUser(app, { role: 'strapi-editor' });
    const probes = [
      { filters: { anonymousQuotes: { confidentialSource: { identity: { $notNull: true } } } } },
      { filters: { anonymousQuotes: { confidentialSource: { alias: { $eq: alias } } } } },
      { sort: 'anonymousQuotes.confidentialSource.alias:asc' },
      { populate: { anonymousQuotes: { populate: '*' } } },
      { populate: { anonymousQuotes: { populate: { confidentialSource: true } } } },
    ];
    for (const admin of [editor, chief]) {
      for (const query of probes) {
        const res = await get(admin, `/collection-types/${UIDS.story}`, query);
        expect({ query, status: res.status }).toEqual({ query, status: 403 });
        expect(res.body.error.message).toContain('anonymousQuotes.confidentialSource');
        expectNothingConfidential(res.body);
      }
    }
    // The quotes themselves still filter and populate.
    const quotes = await get(editor, `/collection-types/${UIDS.story}`, {
      filters: {
        documentId: storyDocumentId,
        anonymousQuotes: { attribution: { $containsi: 'administration' } },
      },
      populate: { anonymousQuotes: true },
    });
    expect(quotes.status).toBe(200);
    expect(quotes.body.results).toHaveLength(1);
  });

  it('keeps admin e-mails on the plugin’s documents for those who may read admin users', async () => {
    const created = await app
      .request()
      .post(`/content-manager/collection-types/${UIDS.story}`)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({
        title: 'Made in the Content Manager',
        slug: 'made-in-the-content-manager',
        kind: 'news',
      });
    expect(created.status).toBe(201);
    const path = `/collection-types/${UIDS.story}/${created.body.data.documentId}`;
    const editor = await createAdminUser(app, { role: 'strapi-editor' });

    const asEditor = await get(editor, path);
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.data.createdBy).toEqual(
      expect.objectContaining({ id: chief.user.id, firstname: 'Test' })
    );
    expect(JSON.stringify(asEditor.body)).not.toContain(chief.user.email);
    const list = await get(editor, `/collection-types/${UIDS.story}`, {
      populate: 'createdBy',
      filters: { documentId: created.body.data.documentId },
    });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(chief.user.email);

    const asChief = await get(chief, path);
    expect(asChief.body.data.createdBy.email).toBe(chief.user.email);
  });

  it('answers a draft action on a type without drafts with a 400, not a server error', async () => {
    const correction = await app.strapi.db.query(UIDS.correction).findOne({});
    const target = correction?.documentId ?? 'none';
    for (const action of ['discard', 'unpublish', 'publish']) {
      const res = await app
        .request()
        .post(`/content-manager/collection-types/${UIDS.correction}/${target}/actions/${action}`)
        .set('Authorization', `Bearer ${chief.token}`)
        .send({});
      expect({ action, status: res.status }).toEqual({ action, status: 400 });
      expect(res.body.error.message).toContain('has no drafts');
    }
    const single = await get(chief, `/single-types/${UIDS.correction}`);
    expect(single.status).toBe(400);
    expect(single.body.error.message).toContain('collection type');
  });

  it('no role can be granted the Content Manager on the register', async () => {
    const role = await createAdminRole(app, []);
    const roles = app.strapi.service('admin::role');
    await expect(
      roles.assignPermissions(role.id, [
        { action: 'plugin::content-manager.explorer.read', subject: UIDS.confidentialSource },
      ])
    ).rejects.toThrow();
    const granted = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id } });
    expect(granted).toEqual([]);
  });
});
