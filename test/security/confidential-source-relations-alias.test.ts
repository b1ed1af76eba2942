import crypto from 'crypto';

import { authorPresetPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { SOURCE_ACTIONS } from '../helpers/confidential-sources';
import { createSourcedStory } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Admin = { token: string; user: { id: number; email: string } };
type Row = { id: number; documentId: string; alias: string };

const QUOTE = UIDS.anonymousQuote;
const AVAILABLE = `/content-manager/relations/${QUOTE}/confidentialSource`;
const linkedTo = (quoteId: number | string) =>
  `/content-manager/relations/${QUOTE}/${quoteId}/confidentialSource`;
const canary = (name: string) => `CANARY-${name}-${crypto.randomBytes(6).toString('hex')}`;
// What a picker row may hold: its ids, its alias, its state. Nothing else of the register.
const PICKER_KEYS = ['alias', 'documentId', 'id', 'publishedAt', 'updatedAt'];

/**
 * Issue 17: a reporter without the register's permissions picks a quote's confidential source by
 * its alias in the story form, through the Content Manager's relation routes, and gets aliases
 * and only aliases, whatever the request adds; a user without the sourcing permission gets 403.
 */
describe('the story form’s source picker answers aliases, and only aliases', () => {
  let app: TestApp;
  let chief: Admin;
  let reporter: Admin; // the e2e reporter: Author preset + sourcing.read + sourcing.manage
  let readerOnly: Admin; // sourcing.read alone
  let manageOnly: Admin; // sourcing.manage without sourcing.read
  let author: Admin;
  let empty: Admin;
  let quoteId: number;
  let linked: Row;
  const identities: string[] = [];
  const secrets: string[] = [];

  const get = (admin: Admin, path: string, query: Record<string, unknown> = {}) =>
    app.request().get(path).query(query).set('Authorization', `Bearer ${admin.token}`);

  /** No identity, no private field's value, no ciphertext, no admin e-mail. */
  const expectNoSecret = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of [...identities, ...secrets]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('isenc:');
    expect(text).not.toContain(chief.user.email);
  };

  const expectAliasRows = (rows: Array<Record<string, unknown>>) => {
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(PICKER_KEYS);
      expect(typeof row.alias).toBe('string');
    }
  };

  /** Every source the picker offers a new quote, across pages, by id. */
  const everyOffered = async (admin: Admin) => {
    const ids: number[] = [];
    for (let page = 1; ; page += 1) {
      const res = await get(admin, AVAILABLE, { page: String(page), pageSize: '100' });
      expect(res.status).toBe(200);
      ids.push(...res.body.results.map((row: Row) => row.id));
      if (page >= res.body.pagination.pageCount) {
        return ids.sort((a, b) => a - b);
      }
    }
  };

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    const role = (permissions: Array<{ action: string }>) => createAdminRole(app, permissions);
    reporter = await createAdminUser(app, {
      role: await role([
        ...(await authorPresetPermissions(app)),
        { action: SOURCE_ACTIONS.readSourcing },
        { action: 'plugin::intelligence-stories.sourcing.manage' },
      ]),
    });
    readerOnly = await createAdminUser(app, {
      role: await role([{ action: SOURCE_ACTIONS.readSourcing }]),
    });
    manageOnly = await createAdminUser(app, {
      role: await role([
        ...(await authorPresetPermissions(app)),
        { action: 'plugin::intelligence-stories.sourcing.manage' },
      ]),
    });
    author = await createAdminUser(app, { role: 'strapi-author' });
    empty = await createAdminUser(app, { role: await role([]) });

    const story = await createSourcedStory(app, { title: 'Alias picker', knownBy: chief.user.id });
    const withSource = await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    quoteId = Number(withSource!.anonymousQuotes![0].id);
    const source = withSource!.anonymousQuotes![0].confidentialSource!;
    // Every private field of every source holds a canary: none may come out.
    const fill = async (documentId: string, alias: string) => {
      const values = {
        identity: canary('identity'),
        role: canary('role'),
        affiliation: canary('affiliation'),
        contact: canary('contact'),
        verificationNotes: canary('notes'),
      };
      identities.push(values.identity);
      secrets.push(values.role, values.affiliation, values.contact, values.verificationNotes);
      await app.strapi
        .documents(UIDS.confidentialSource)
        .update({ documentId, data: { alias, ...values } });
    };
    await fill(source.documentId, 'ALPHA-LINKED-1');
    linked = { id: Number(source.id), documentId: source.documentId, alias: 'ALPHA-LINKED-1' };
    for (const alias of ['BRAVO-2', 'CHARLIE-3', 'delta & echo #4']) {
      const created = await app.strapi
        .documents(UIDS.confidentialSource)
        .create({ data: { alias, identity: 'placeholder' } });
      await fill(created.documentId, alias);
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('labels sources by alias in the Content Manager’s view of the quote, for every caller', async () => {
    const res = await get(reporter, `/content-manager/content-types/${UIDS.story}/configuration`);
    expect(res.status).toBe(200);
    const metadata = res.body.data.components[QUOTE].metadatas.confidentialSource;
    expect(metadata.edit.mainField).toBe('alias');
    expectNoSecret(res.body);
  });

  it('lists every source by alias to a reporter, and nothing else of the register', async () => {
    const res = await get(reporter, AVAILABLE, { pageSize: '100' });
    expect(res.status).toBe(200);
    const aliases = res.body.results.map((row: Row) => row.alias);
    expect(aliases).toEqual(
      expect.arrayContaining(['ALPHA-LINKED-1', 'BRAVO-2', 'CHARLIE-3', 'delta & echo #4'])
    );
    expectAliasRows(res.body.results);
    expectNoSecret(res.body);

    // sourcing.read alone is what the picker needs; the Author preset adds nothing to it.
    const reader = await get(readerOnly, AVAILABLE, { pageSize: '100' });
    expect(reader.status).toBe(200);
    expect(reader.body.results).toEqual(res.body.results);
  });

  it('searches by alias only: an identity’s text finds nothing', async () => {
    const byAlias = await get(reporter, AVAILABLE, { _q: 'bravo' });
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.results.map((row: Row) => row.alias)).toEqual(['BRAVO-2']);

    const special = await get(reporter, AVAILABLE, { _q: '& echo #' });
    expect(special.body.results.map((row: Row) => row.alias)).toEqual(['delta & echo #4']);

    const startsWith = await get(reporter, AVAILABLE, { _q: 'CHAR', _filter: '$startsWithi' });
    expect(startsWith.body.results.map((row: Row) => row.alias)).toEqual(['CHARLIE-3']);
    const notAtStart = await get(reporter, AVAILABLE, { _q: 'ARLIE', _filter: '$startsWithi' });
    expect(notAtStart.body.results).toEqual([]);

    for (const secret of [identities[1], secrets[0], 'CANARY', 'identity']) {
      const res = await get(reporter, AVAILABLE, { _q: secret });
      expect({ secret, status: res.status, results: res.body.results }).toEqual({
        secret,
        status: 200,
        results: [],
      });
    }
  });

  it('shows a quote’s linked source by alias, and does not offer it again', async () => {
    const existing = await get(reporter, linkedTo(quoteId));
    expect(existing.status).toBe(200);
    expect(existing.body.results).toEqual([expect.objectContaining(linked)]);
    expectAliasRows(existing.body.results);
    expectNoSecret(existing.body);

    const offered = await get(reporter, AVAILABLE, { id: String(quoteId), pageSize: '100' });
    expect(offered.body.results.map((row: Row) => row.id)).not.toContain(linked.id);
    // Unlinked in the form (not saved yet): offered again; picked in the form: not offered.
    const unlinked = await get(reporter, AVAILABLE, {
      id: String(quoteId),
      // As the admin's fetch client spells an array (qs, with indices).
      'idsToInclude[0]': String(linked.id),
      pageSize: '100',
    });
    expect(unlinked.body.results.map((row: Row) => row.id)).toContain(linked.id);
    const bravo = offered.body.results.find((row: Row) => row.alias === 'BRAVO-2');
    const picked = await get(reporter, AVAILABLE, { 'idsToOmit[0]': String(bravo.id) });
    expect(picked.body.results.map((row: Row) => row.id)).not.toContain(bravo.id);

    for (const id of ['999999', 'abc', '1 OR 1=1', '-1']) {
      const missing = await get(reporter, linkedTo(id));
      expect({ id, status: missing.status }).toEqual({ id, status: 404 });
      expectNoSecret(missing.body);
    }
  });

  it('answers every parameter an attacker adds with a refusal or the same aliases', async () => {
    const baseline = await everyOffered(reporter);
    const identityFilter = { identity: { $contains: identities[0].slice(0, 12) } };
    const probes: Array<Record<string, unknown>> = [
      { fields: ['alias', 'identity'] },
      { fields: 'identity' },
      { populate: '*' },
      { populate: { editorsWhoKnow: { fields: ['email', 'password'] } } },
      { populate: 'editorsWhoKnow' },
      { filters: identityFilter },
      { filters: { $or: [identityFilter, { alias: { $eq: 'BRAVO-2' } }] } },
      { filters: { editorsWhoKnow: { email: { $startsWith: 'admin' } } } },
      { filters: { confidentialSource: identityFilter } },
      { sort: 'identity:asc' },
      { sort: ['contact:desc', 'alias:asc'] },
      { _q: identities[0], _filter: '$eq' },
      { _q: { $ne: 'x' } },
      { _q: 'A', _filter: '$notNull' },
      { mainField: 'identity' },
      { pageSize: '1000' },
      { page: '0' },
      { idsToOmit: ['1 OR 1=1'] },
      { idsToInclude: 'not-an-array' },
      { status: 'anything' },
      { locale: { $ne: null } },
      { 'filters[identity][$notNull]': 'true' },
      { 't0.identity': 'x' },
    ];
    for (const admin of [reporter, chief]) {
      for (const path of [AVAILABLE, linkedTo(quoteId)]) {
        for (const query of probes) {
          const res = await get(admin, path, query);
          expectNoSecret(res.body);
          if (res.status === 200) {
            // Let through only if it changed nothing: a filter on a private field narrows no list.
            expectAliasRows(res.body.results);
            if (path === AVAILABLE) {
              // The four sources fit the first page of any page size the picker accepts.
              const ids = res.body.results
                .map((row: Row) => row.id)
                .sort((a: number, b: number) => a - b);
              expect({ query, ids }).toEqual({ query, ids: baseline });
            }
          } else {
            expect({ path, query, status: res.status }).toEqual({
              path,
              query,
              status: expect.any(Number),
            });
            expect([400, 403]).toContain(res.status);
          }
        }
      }
    }
  });

  it('keeps the label the alias whatever the quote’s view is set to, and sets it back at boot', async () => {
    const path = `/content-manager/components/${QUOTE}/configuration`;
    const current = await get(chief, path);
    expect(current.status).toBe(200);
    const { layouts, settings, metadatas } = current.body.data.component;
    const changed = await app
      .request()
      .put(path)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({
        layouts,
        settings,
        metadatas: {
          ...metadatas,
          confidentialSource: {
            ...metadatas.confidentialSource,
            edit: { ...metadatas.confidentialSource.edit, mainField: 'identity' },
          },
        },
      });
    // The Content Manager lets an admin pick any listable field of the target as its label.
    expect(changed.status).toBe(200);
    const stored = await get(chief, path);
    expect(stored.body.data.component.metadatas.confidentialSource.edit.mainField).toBe('identity');

    const res = await get(reporter, AVAILABLE, { pageSize: '100' });
    expect(res.status).toBe(200);
    expectAliasRows(res.body.results);
    expectNoSecret(res.body);

    await app.strapi.plugin('intelligence-stories').service('source-picker').labelSourcesByAlias();
    const after = await get(reporter, `/content-manager/content-types/${UIDS.story}/configuration`);
    expect(after.body.data.components[QUOTE].metadatas.confidentialSource.edit.mainField).toBe(
      'alias'
    );
  });

  it('refuses the picker to users without the sourcing permission, with nothing of the register', async () => {
    for (const admin of [manageOnly, author, empty]) {
      for (const path of [AVAILABLE, linkedTo(quoteId)]) {
        for (const query of [{}, { _q: 'ALPHA' }, { fields: ['alias'] }]) {
          const res = await get(admin, path, query);
          expect({ path, query, status: res.status }).toEqual({
            path,
            query,
            status: Object.keys(query).includes('fields') ? 400 : 403,
          });
          expectNoSecret(res.body);
          expect(JSON.stringify(res.body)).not.toContain('ALPHA-LINKED-1');
        }
      }
    }
    const refused = await get(manageOnly, AVAILABLE);
    expect(refused.body.error.message).toContain('sourcing.read');
  });

  it('still serves no confidential source through the Content Manager’s own document routes', async () => {
    for (const admin of [reporter, chief]) {
      for (const path of [
        `/content-manager/collection-types/${UIDS.confidentialSource}`,
        `/content-manager/collection-types/${UIDS.confidentialSource}/${linked.documentId}`,
      ]) {
        const res = await get(admin, path);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expectNoSecret(res.body);
      }
    }
  });
});
