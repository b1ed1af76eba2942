import crypto from 'crypto';

import { createAdminRole, createAdminUser } from '../helpers/auth';
import { SOURCE_ACTIONS, sourcesApi } from '../helpers/confidential-sources';
import { createSourcedStory } from '../helpers/sourcing';
import { rawDatabaseDump } from '../helpers/raw-dump';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

const ENCRYPTED = ['identity', 'role', 'affiliation', 'contact', 'verificationNotes'] as const;
const marker = (field: string) => `SECRET-${field}-${crypto.randomBytes(6).toString('hex')}`;

type Admin = { token: string; user: { id: number; email: string } };

describe('confidential sources through the admin API', () => {
  let app: TestApp;
  let chief: Admin;
  let reader: Admin; // sourcing.read: sees that quotes are sourced, never who by
  let revealer: Admin; // sourcing.read + confidential-sources.read
  let manager: Admin; // confidential-sources.manage
  let author: Admin; // Strapi's Author role
  let storyDocumentId: string;
  let sourceDocumentId: string;
  const secrets = Object.fromEntries(ENCRYPTED.map((field) => [field, marker(field)])) as Record<
    (typeof ENCRYPTED)[number],
    string
  >;
  const allSecrets = () => Object.values(secrets);

  const expectNoSecret = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of allSecrets()) {
      expect(text).not.toContain(secret);
    }
  };

  const logEntries = () =>
    app.strapi.documents(UIDS.sourceAccessLog).findMany({ sort: [{ id: 'asc' }] }) as Promise<
      Array<{ action: string; sourceDocumentId: string; fields: string[] }>
    >;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    const role = async (actions: string[]) =>
      createAdminRole(
        app,
        actions.map((action) => ({ action }))
      );
    reader = await createAdminUser(app, { role: await role([SOURCE_ACTIONS.readSourcing]) });
    revealer = await createAdminUser(app, {
      role: await role([SOURCE_ACTIONS.readSourcing, SOURCE_ACTIONS.reveal]),
    });
    manager = await createAdminUser(app, { role: await role([SOURCE_ACTIONS.manage]) });
    author = await createAdminUser(app, { role: 'strapi-author' });

    const story = await createSourcedStory(app, { title: 'Sourced story', knownBy: chief.user.id });
    storyDocumentId = story.documentId;
    const withSource = await app.strapi.documents(UIDS.story).findOne({
      documentId: storyDocumentId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    sourceDocumentId = withSource!.anonymousQuotes![0].confidentialSource!.documentId;
    await app.strapi
      .documents(UIDS.confidentialSource)
      .update({ documentId: sourceDocumentId, data: { alias: 'ADMIN-REP-1', ...secrets } });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('without the reveal permission an editor sees the alias, who knows and the quotes, never the identity', async () => {
    const api = sourcesApi(app, reader.token);
    const list = await api.list();
    expect(list.status).toBe(200);
    const listed = list.body.data.find(
      (source: { documentId: string }) => source.documentId === sourceDocumentId
    );
    expect(listed).toEqual({
      documentId: sourceDocumentId,
      alias: 'ADMIN-REP-1',
      editorsWhoKnow: [{ id: chief.user.id, firstname: 'Test', lastname: 'Admin' }],
      quotes: [
        {
          storyDocumentId,
          storyTitle: 'Sourced story',
          quoteIndex: 0,
          attribution: 'a representative of the Biden administration',
          // This role has no Content Manager access: the page names the story without a link.
          canOpenStory: false,
        },
      ],
      revision: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectNoSecret(list.body);

    const one = await api.findOne(sourceDocumentId);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(listed);
    expectNoSecret(one.body);

    const before = (await logEntries()).length;
    const reveal = await api.reveal(sourceDocumentId);
    expect(reveal.status).toBe(403);
    expectNoSecret(reveal.body);
    expect(await logEntries()).toHaveLength(before);
  });

  it('reveals the identity to a holder of confidential-sources.read, and logs who, which source and which fields', async () => {
    const before = (await logEntries()).length;
    const res = await sourcesApi(app, revealer.token).reveal(sourceDocumentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ alias: 'ADMIN-REP-1', ...secrets });

    const entries = await app.strapi.documents(UIDS.sourceAccessLog).findMany({
      sort: [{ id: 'asc' }],
      populate: ['actor'],
    });
    expect(entries).toHaveLength(before + 1);
    expect(entries[entries.length - 1]).toMatchObject({
      action: 'reveal',
      sourceDocumentId,
      sourceAlias: 'ADMIN-REP-1',
      fields: [...ENCRYPTED],
      actorEmail: revealer.user.email,
      actor: { id: revealer.user.id },
      at: expect.any(String),
    });
  });

  it('creates and edits with confidential-sources.manage, logging the fields changed but never their values', async () => {
    const api = sourcesApi(app, manager.token);
    const identity = marker('created-identity');
    const created = await api.create({
      alias: 'NEW-SRC-1',
      identity,
      role: 'Deputy',
      editorsWhoKnow: [chief.user.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      alias: 'NEW-SRC-1',
      editorsWhoKnow: [{ id: chief.user.id }],
      quotes: [],
    });
    expect(JSON.stringify(created.body)).not.toContain(identity);
    const documentId = created.body.data.documentId as string;

    const contact = marker('new-contact');
    const updated = await api.update(documentId, { contact });
    expect(updated.status).toBe(200);
    expect(JSON.stringify(updated.body)).not.toContain(contact);

    const log = await api.accessLog({ sourceDocumentId: documentId });
    expect(log.status).toBe(200);
    expect(log.body.data).toEqual([
      expect.objectContaining({
        action: 'update',
        fields: ['contact'],
        actor: expect.objectContaining({ id: manager.user.id, email: manager.user.email }),
      }),
      expect.objectContaining({
        action: 'create',
        fields: ['alias', 'identity', 'role', 'editorsWhoKnow'],
      }),
    ]);
    expect(log.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    const dump = await rawDatabaseDump(app);
    expect(dump).not.toContain(identity);
    expect(dump).not.toContain(contact);

    // Changing is not seeing: the manager cannot reveal.
    expect((await api.reveal(documentId)).status).toBe(403);
    const revealed = await sourcesApi(app, chief.token).reveal(documentId);
    expect(revealed.body.data).toMatchObject({ identity, role: 'Deputy', contact });
  });

  it.each([
    [{ alias: 'X', identity: 'Y', email: 'a@b.c' }, 'unknown field(s): email'],
    [{ identity: 'Y' }, 'alias is required'],
    [{ alias: 'X' }, 'identity is required'],
    [{ alias: 'X', identity: 'y'.repeat(1001) }, 'identity must be at most 1000 characters'],
    [{ alias: 'X', identity: '   ' }, 'identity cannot be only spaces'],
    [{ alias: 'X', identity: 'Y', contact: 42 }, 'contact must be a `string` type'],
    [
      { alias: 'X', identity: 'Y', editorsWhoKnow: [999999] },
      'editorsWhoKnow: every id must be an existing admin user',
    ],
    [
      { alias: 'X', identity: 'Y', editorsWhoKnow: 'all' },
      'editorsWhoKnow must be a list of admin user ids',
    ],
  ])(
    'refuses a bad create body %j with a 400 naming the field, writing nothing',
    async (body, message) => {
      const [sources, entries] = [
        await app.strapi.documents(UIDS.confidentialSource).count({}),
        (await logEntries()).length,
      ];
      const res = await sourcesApi(app, manager.token).create(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(await app.strapi.documents(UIDS.confidentialSource).count({})).toBe(sources);
      expect(await logEntries()).toHaveLength(entries);
    }
  );

  it('refuses with 409 an edit of a revision changed since, and writes and logs nothing', async () => {
    const api = sourcesApi(app, manager.token);
    const loaded = (await sourcesApi(app, chief.token).findOne(sourceDocumentId)).body.data;
    expect((await api.update(sourceDocumentId, { role: 'Deputy spokesperson' })).status).toBe(200);
    const entries = (await logEntries()).length;

    const stale = await api.update(sourceDocumentId, {
      revision: loaded.revision,
      role: 'Spokesperson',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else.*reload/);
    expect(await logEntries()).toHaveLength(entries);
    const revealed = await sourcesApi(app, chief.token).reveal(sourceDocumentId);
    expect(revealed.body.data.role).toBe('Deputy spokesperson');
    expect((await api.update(sourceDocumentId, { role: secrets.role })).status).toBe(200);

    const missing = await app
      .request()
      .put(`/intelligence-stories/confidential-sources/${sourceDocumentId}`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ role: 'Spokesperson' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/revision is required/);
  });

  it('refuses a bad or empty update with a 400 and leaves the source as it was', async () => {
    const api = sourcesApi(app, manager.token);
    const entries = (await logEntries()).length;
    expect((await api.update(sourceDocumentId, {})).body.error.message).toContain(
      'the body names no field to change'
    );
    expect((await api.update(sourceDocumentId, { identity: 'z'.repeat(1001) })).status).toBe(400);
    expect((await api.update(sourceDocumentId, { approvedBy: 1 })).body.error.message).toContain(
      'unknown field(s): approvedBy'
    );
    expect((await api.update('no-such-source', { role: 'x' })).status).toBe(404);
    expect(await logEntries()).toHaveLength(entries);
    const revealed = await sourcesApi(app, chief.token).reveal(sourceDocumentId);
    expect(revealed.body.data).toMatchObject(secrets);
  });

  it('answers 403 to every register route without its permission, and 404 for an unknown source', async () => {
    const entries = (await logEntries()).length;
    const noPermissions = await createAdminUser(app, { role: await createAdminRole(app, []) });
    for (const admin of [noPermissions, author]) {
      const api = sourcesApi(app, admin.token);
      for (const res of [
        await api.list(),
        await api.findOne(sourceDocumentId),
        await api.reveal(sourceDocumentId),
        await api.create({ alias: 'A', identity: 'B' }),
        await api.update(sourceDocumentId, { role: 'C' }),
        await api.accessLog(),
        await api.editors(),
      ]) {
        expect(res.status).toBe(403);
        expectNoSecret(res.body);
      }
    }
    // The access log is for managers of the register only.
    expect((await sourcesApi(app, reader.token).accessLog()).status).toBe(403);
    expect((await sourcesApi(app, revealer.token).accessLog()).status).toBe(403);
    expect((await sourcesApi(app, reader.token).editors()).status).toBe(403);
    expect((await sourcesApi(app, revealer.token).editors()).status).toBe(403);
    expect((await sourcesApi(app, chief.token).findOne('no-such-source')).status).toBe(404);
    expect((await sourcesApi(app, chief.token).reveal('no-such-source')).status).toBe(404);
    expect(await logEntries()).toHaveLength(entries);
  });

  it('lists the active admins a manager can name as knowing a source, without e-mails or secrets', async () => {
    const inactive = await createAdminUser(app);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: inactive.user.id }, data: { isActive: false } });

    const res = await sourcesApi(app, manager.token).editors();

    expect(res.status).toBe(200);
    const editors = res.body.data as Array<Record<string, unknown>>;
    const active = await app.strapi.db
      .query('admin::user')
      .findMany({ where: { isActive: true }, select: ['id'] });
    expect(editors.map(({ id }) => id).sort()).toEqual(active.map(({ id }) => id).sort());
    expect(editors.map(({ id }) => id)).not.toContain(inactive.user.id);
    for (const editor of editors) {
      expect(Object.keys(editor).sort()).toEqual(['firstname', 'id', 'lastname', 'username']);
    }
    expect(JSON.stringify(res.body)).not.toContain(chief.user.email);
  });

  it('keeps the access log append-only, whatever the path', async () => {
    await sourcesApi(app, revealer.token).reveal(sourceDocumentId);
    const [entry] = await app.strapi.documents(UIDS.sourceAccessLog).findMany({ limit: 1 });
    await expect(
      app.strapi
        .documents(UIDS.sourceAccessLog)
        .update({ documentId: entry.documentId, data: { action: 'create' } })
    ).rejects.toThrow('append-only');
    await expect(
      app.strapi.documents(UIDS.sourceAccessLog).delete({ documentId: entry.documentId })
    ).rejects.toThrow('append-only');
    expect(
      await app.strapi.documents(UIDS.sourceAccessLog).findOne({ documentId: entry.documentId })
    ).toMatchObject({ action: entry.action });
    // Hidden from the Content Manager's menus, but its HTTP API still answers a super admin:
    // the middleware refuses the delete there too.
    const res = await app
      .request()
      .delete(`/content-manager/collection-types/${UIDS.sourceAccessLog}/${entry.documentId}`)
      .set('Authorization', `Bearer ${chief.token}`);
    expect(res.status).toBe(403);
    expect(
      await app.strapi.documents(UIDS.sourceAccessLog).findOne({ documentId: entry.documentId })
    ).not.toBeNull();
  });

  describe('the Content Manager', () => {
    const cm = (admin: Admin) => ({
      get: (path: string) =>
        app.request().get(`/content-manager${path}`).set('Authorization', `Bearer ${admin.token}`),
    });

    it('labels the quote’s source with its alias in the relation field, never the identity', async () => {
      const story = await app.strapi.documents(UIDS.story).findOne({
        documentId: storyDocumentId,
        populate: ['anonymousQuotes'],
      });
      const quoteId = story!.anonymousQuotes![0].id;
      const path = '/relations/intelligence-stories.anonymous-quote/confidentialSource';
      const available = await cm(chief).get(path);
      expect(available.status).toBe(200);
      expect(available.body.results.length).toBeGreaterThan(0);
      expect(available.body.results.map((r: { alias: string }) => r.alias)).toContain(
        'ADMIN-REP-1'
      );
      expectNoSecret(available.body);
      for (const result of available.body.results) {
        expect(Object.keys(result).sort()).toEqual(
          ['alias', 'documentId', 'id', 'publishedAt', 'updatedAt'].sort()
        );
      }
      const existing = await cm(chief).get(
        `/relations/intelligence-stories.anonymous-quote/${quoteId}/confidentialSource`
      );
      expect(existing.status).toBe(200);
      expect(existing.body.results).toEqual([
        expect.objectContaining({ documentId: sourceDocumentId, alias: 'ADMIN-REP-1' }),
      ]);
      expectNoSecret(existing.body);
    });

    it('gives an Author nothing of a source: not the type, not the relation, not a populate', async () => {
      const api = cm(author);
      const paths = [
        `/collection-types/${UIDS.confidentialSource}`,
        `/collection-types/${UIDS.confidentialSource}/${sourceDocumentId}`,
        '/relations/intelligence-stories.anonymous-quote/confidentialSource',
        `/collection-types/${UIDS.story}/${storyDocumentId}?populate[anonymousQuotes][populate]=confidentialSource`,
        `/collection-types/${UIDS.story}?populate=*`,
        `/collection-types/${UIDS.story}/${storyDocumentId}?populate[anonymousQuotes][populate][confidentialSource][fields][0]=identity`,
      ];
      for (const path of paths) {
        const res = await api.get(path);
        expect([200, 403, 404, 400]).toContain(res.status);
        expectNoSecret(res.body);
        expect(JSON.stringify(res.body)).not.toContain('isenc:');
      }
    });

    it('cannot be opened on the register even by a role that asks for read on it', async () => {
      // Strapi would make the register a subject of the Content Manager's read: the plugin takes
      // it out, so the grant is refused, and a populate into the quote's source is refused too.
      await expect(
        createAdminRole(app, [
          { action: 'plugin::content-manager.explorer.read', subject: UIDS.confidentialSource },
        ])
      ).rejects.toThrow();
      const role = await createAdminRole(app, [
        { action: 'plugin::content-manager.explorer.read', subject: UIDS.story },
      ]);
      const api = cm(await createAdminUser(app, { role }));
      const statuses: number[] = [];
      for (const path of [
        `/collection-types/${UIDS.confidentialSource}`,
        `/collection-types/${UIDS.confidentialSource}/${sourceDocumentId}`,
        `/collection-types/${UIDS.story}/${storyDocumentId}?populate[anonymousQuotes][populate]=confidentialSource`,
      ]) {
        const res = await api.get(path);
        expectNoSecret(res.body);
        expect(JSON.stringify(res.body)).not.toContain('isenc:');
        expect(JSON.stringify(res.body)).not.toContain('ADMIN-REP-1');
        statuses.push(res.status);
      }
      expect(statuses).toEqual([403, 403, 403]);
    });
  });
});
