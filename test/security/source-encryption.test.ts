import crypto from 'crypto';

import { createAdminUser } from '../helpers/auth';
import { sourcesApi } from '../helpers/confidential-sources';
import { errorPaths } from '../helpers/content-manager';
import { rawDatabaseDump, rawRows } from '../helpers/raw-dump';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

const ENV = 'INTELLIGENCE_STORIES_ENCRYPTION_KEY';
const ENCRYPTED = ['identity', 'role', 'affiliation', 'contact', 'verificationNotes'] as const;

const newKey = () => crypto.randomBytes(32).toString('base64');
// Random per run, so a marker found in the dump can only have come from this test's writes.
const marker = (field: string) => `PLAINTEXT-${field}-${crypto.randomBytes(6).toString('hex')}`;

type SourceFields = Record<'alias' | (typeof ENCRYPTED)[number], string>;

const sourceWithMarkers = (): SourceFields =>
  Object.fromEntries(
    ['alias', ...ENCRYPTED].map((field) => [field, marker(field)])
  ) as SourceFields;

describe('confidential sources are encrypted at rest', () => {
  let app: TestApp;
  let chief: { token: string; user: { id: number } };
  let originalKeyring: string;
  const encryption = () => app.strapi.plugin('intelligence-stories').service('source-encryption');

  beforeAll(async () => {
    app = await bootStrapi();
    originalKeyring = process.env[ENV]!;
    chief = await createAdminUser(app);
  });

  afterAll(async () => {
    process.env[ENV] = originalKeyring;
    await app?.destroy();
  });

  const storedRow = async (documentId: string) =>
    (await rawRows(app, UIDS.confidentialSource)).find((row) => row.document_id === documentId)!;

  it('stores every identity field as an AES-256-GCM envelope under the current key, whatever the path', async () => {
    const currentKeyId = originalKeyring.split(':')[0];
    const fromCode = sourceWithMarkers();
    const viaDocumentService = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { ...fromCode, editorsWhoKnow: [chief.user.id] } });

    const fromRoute = sourceWithMarkers();
    const viaRoute = await sourcesApi(app, chief.token).create(fromRoute);
    expect(viaRoute.status).toBe(201);

    for (const [documentId, input] of [
      [viaDocumentService.documentId, fromCode],
      [viaRoute.body.data.documentId, fromRoute],
    ] as const) {
      const row = await storedRow(documentId);
      expect(row.alias).toBe(input.alias);
      const nonces = new Set<string>();
      for (const field of ENCRYPTED) {
        const stored = String(row[field === 'verificationNotes' ? 'verification_notes' : field]);
        expect(stored).toMatch(
          new RegExp(`^isenc:v2:${currentKeyId}:[\\w-]{16}:[\\w-]{22}:[\\w-]+$`)
        );
        expect(stored).not.toContain(input[field]);
        nonces.add(stored.split(':')[3]);
      }
      // A fresh nonce per value.
      expect(nonces.size).toBe(ENCRYPTED.length);
    }

    const dump = await rawDatabaseDump(app);
    // The dump is real: the plaintext alias is in it, so the absence of the others means something.
    expect(dump).toContain(fromCode.alias);
    expect(dump).toContain(fromRoute.alias);
    for (const input of [fromCode, fromRoute]) {
      for (const field of ENCRYPTED) {
        expect(dump).not.toContain(input[field]);
      }
    }
  });

  it('the same plaintext encrypts differently each time, and a ciphertext moved to another field does not decrypt', async () => {
    const same = 'Same words twice';
    const source = await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'SAME-1', identity: same, role: same },
    });
    const row = await storedRow(source.documentId);
    expect(row.identity).not.toBe(row.role);

    // An attacker with write access to the database swaps fields: authentication fails.
    const table = app.strapi.getModel(UIDS.confidentialSource).collectionName!;
    await app.strapi.db
      .connection(table)
      .where({ document_id: source.documentId })
      .update({ role: row.identity });
    try {
      const res = await sourcesApi(app, chief.token).reveal(source.documentId);
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain(same);
    } finally {
      await app.strapi.db
        .connection(table)
        .where({ document_id: source.documentId })
        .update({ role: row.role });
    }
  });

  const column = (field: (typeof ENCRYPTED)[number]) =>
    field === 'verificationNotes' ? 'verification_notes' : field;

  /** What an earlier version stored: an envelope bound to its field only (v1). */
  const legacyEnvelope = (plaintext: string, field: (typeof ENCRYPTED)[number]) => {
    const [keyId, key] = originalKeyring.split(',')[0].split(':');
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), nonce);
    cipher.setAAD(Buffer.from(`${UIDS.confidentialSource}#${field}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      'isenc',
      'v1',
      keyId,
      ...[nonce, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')),
    ].join(':');
  };

  const writeRaw = async (documentId: string, values: Record<string, string>) => {
    const table = app.strapi.getModel(UIDS.confidentialSource).collectionName!;
    await app.strapi.db.connection(table).where({ document_id: documentId }).update(values);
  };

  it('binds each value to its source: a ciphertext copied to another source does not decrypt, and a write carrying one is refused', async () => {
    const a = await sourcesApi(app, chief.token).create({
      alias: 'BOUND-A',
      identity: 'Identity of A',
      role: 'Role of A',
    });
    const b = await sourcesApi(app, chief.token).create({
      alias: 'BOUND-B',
      identity: 'Identity of B',
    });
    const [aId, bId] = [a.body.data.documentId, b.body.data.documentId];
    const rowA = await storedRow(aId);
    const rowB = await storedRow(bId);

    // Through the Document Service and through the register's admin route: 400 naming the field.
    await expect(
      app.strapi
        .documents(UIDS.confidentialSource)
        .update({ documentId: bId, data: { identity: String(rowA.identity) } })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(
        /^identity: this value is an encrypted envelope that does not belong to this source's identity/
      ),
    });
    const viaRoute = await sourcesApi(app, chief.token).update(bId, {
      identity: String(rowA.identity),
      alias: 'BOUND-B renamed',
    });
    expect(viaRoute.status).toBe(400);
    expect(viaRoute.body.error.name).toBe('ValidationError');
    expect(errorPaths(viaRoute.body)).toEqual(['identity']);
    // Another field's envelope of the same source, and a mangled one, are no better.
    const otherField = await sourcesApi(app, chief.token).update(aId, {
      contact: String(rowA.role),
    });
    expect(otherField.status).toBe(400);
    expect(errorPaths(otherField.body)).toEqual(['contact']);
    const mangled = await sourcesApi(app, chief.token).update(bId, {
      identity: 'isenc:v2:not-an-envelope',
    });
    expect(mangled.status).toBe(400);
    expect(errorPaths(mangled.body)).toEqual(['identity']);
    // Nor is a copy on create.
    const before = await app.strapi.documents(UIDS.confidentialSource).count({});
    const created = await sourcesApi(app, chief.token).create({
      alias: 'BOUND-C',
      identity: String(rowA.identity),
    });
    expect(created.status).toBe(400);
    expect(errorPaths(created.body)).toEqual(['identity']);
    expect(await app.strapi.documents(UIDS.confidentialSource).count({})).toBe(before);
    // Nothing was written: B and A are byte for byte what they were.
    expect(await storedRow(bId)).toEqual(rowB);
    expect(await storedRow(aId)).toEqual(rowA);

    // Copied underneath the application, straight into the table: it does not decrypt.
    await writeRaw(bId, { identity: String(rowA.identity) });
    try {
      const res = await sourcesApi(app, chief.token).reveal(bId);
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('Identity of A');
    } finally {
      await writeRaw(bId, { identity: String(rowB.identity) });
    }
    expect((await sourcesApi(app, chief.token).reveal(bId)).body.data.identity).toBe(
      'Identity of B'
    );
  });

  it('reads v1 envelopes (bound to their field only), accepts one written back to the source that holds it, and refuses it anywhere else', async () => {
    const a = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: 'LEGACY-A', identity: 'placeholder' } });
    const b = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: 'LEGACY-B', identity: 'Identity of legacy B' } });
    const legacy = legacyEnvelope('Identity of legacy A', 'identity');
    await writeRaw(a.documentId, { identity: legacy });
    expect((await sourcesApi(app, chief.token).reveal(a.documentId)).body.data.identity).toBe(
      'Identity of legacy A'
    );

    const rowB = await storedRow(b.documentId);
    await expect(
      app.strapi
        .documents(UIDS.confidentialSource)
        .update({ documentId: b.documentId, data: { identity: legacy } })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await storedRow(b.documentId)).toEqual(rowB);

    await app.strapi
      .documents(UIDS.confidentialSource)
      .update({ documentId: a.documentId, data: { identity: legacy } });
    const rewritten = String((await storedRow(a.documentId)).identity);
    expect(rewritten).toMatch(/^isenc:v2:/);
    expect((await sourcesApi(app, chief.token).reveal(a.documentId)).body.data.identity).toBe(
      'Identity of legacy A'
    );
  });

  it('rotation rewrites v1 envelopes as envelopes bound to their source, under the same key', async () => {
    const input = sourceWithMarkers();
    const source = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: input.alias, identity: 'placeholder' } });
    await writeRaw(
      source.documentId,
      Object.fromEntries(
        ENCRYPTED.map((field) => [column(field), legacyEnvelope(input[field], field)])
      )
    );

    const result = await app.strapi
      .plugin('intelligence-stories')
      .service('confidential-sources')
      .reencryptAll();
    expect(result.updated).toBeGreaterThanOrEqual(1);
    const row = await storedRow(source.documentId);
    for (const field of ENCRYPTED) {
      expect(String(row[column(field)])).toMatch(
        new RegExp(`^isenc:v2:${originalKeyring.split(':')[0]}:`)
      );
    }
    const res = await sourcesApi(app, chief.token).reveal(source.documentId);
    expect(res.status).toBe(200);
    for (const field of ENCRYPTED) {
      expect(res.body.data[field]).toBe(input[field]);
    }
    // A v2 copy of the rewritten value does not open on any other source.
    const other = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: 'ROTATED-OTHER', identity: 'x' } });
    await writeRaw(other.documentId, { identity: String(row.identity) });
    expect((await sourcesApi(app, chief.token).reveal(other.documentId)).status).toBe(500);
    await app.strapi.documents(UIDS.confidentialSource).delete({ documentId: other.documentId });
    expect(
      (
        await app.strapi
          .plugin('intelligence-stories')
          .service('confidential-sources')
          .reencryptAll()
      ).updated
    ).toBe(0);
  });

  it('refuses to clone a source, whose encrypted fields are bound to it', async () => {
    const source = await app.strapi
      .documents(UIDS.confidentialSource)
      .create({ data: { alias: 'CLONE-ME', identity: 'Cloned identity' } });
    const before = await app.strapi.documents(UIDS.confidentialSource).count({});
    await expect(
      app.strapi.documents(UIDS.confidentialSource).clone({
        documentId: source.documentId,
        data: { alias: 'CLONED', identity: 'Cloned identity' },
      })
    ).rejects.toThrow('A confidential source cannot be cloned');
    expect(await app.strapi.documents(UIDS.confidentialSource).count({})).toBe(before);
  });

  it('validates the typed lengths, not the ciphertext, and writes nothing on bad input', async () => {
    const before = await app.strapi.documents(UIDS.confidentialSource).count({});
    await expect(
      app.strapi.documents(UIDS.confidentialSource).create({
        data: { alias: 'LONG-1', identity: 'x'.repeat(1001) },
      })
    ).rejects.toThrow('Identity: shorten it to 1000 characters at most.');
    // 1000 characters is allowed, although its envelope is far longer.
    await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'LONG-2', identity: 'x'.repeat(1000), verificationNotes: 'y'.repeat(10000) },
    });
    expect(await app.strapi.documents(UIDS.confidentialSource).count({})).toBe(before + 1);
  });

  it('re-encrypting a value it already holds does not wrap it twice', async () => {
    const created = await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'ROUNDTRIP', identity: 'Round trip identity' },
    });
    const stored = await app.strapi
      .documents(UIDS.confidentialSource)
      .findOne({ documentId: created.documentId });
    // Code that reads a source and writes it back unchanged hands in the envelope.
    await app.strapi.documents(UIDS.confidentialSource).update({
      documentId: created.documentId,
      data: { identity: stored!.identity ?? undefined },
    });
    const res = await sourcesApi(app, chief.token).reveal(created.documentId);
    expect(res.body.data.identity).toBe('Round trip identity');
  });

  it('without a key it refuses confidential-source writes rather than store plain text', async () => {
    delete process.env[ENV];
    encryption().reloadKeys();
    try {
      const before = await app.strapi.documents(UIDS.confidentialSource).count({});
      const identity = marker('nokey');
      await expect(
        app.strapi
          .documents(UIDS.confidentialSource)
          .create({ data: { alias: 'NO-KEY', identity } })
      ).rejects.toThrow(`no encryption key is configured (${ENV})`);
      const res = await sourcesApi(app, chief.token).create({ alias: 'NO-KEY', identity });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(ENV);
      expect(await app.strapi.documents(UIDS.confidentialSource).count({})).toBe(before);
      expect(await rawDatabaseDump(app)).not.toContain(identity);
    } finally {
      process.env[ENV] = originalKeyring;
      encryption().reloadKeys();
    }
  });

  it('refuses to start in production without a key, and rejects a malformed keyring with a clear error', async () => {
    const nodeEnv = process.env.NODE_ENV;
    delete process.env[ENV];
    process.env.NODE_ENV = 'production';
    try {
      expect(() => encryption().assertConfigured()).toThrow(
        `intelligence-stories: ${ENV} is not set: confidential sources cannot be encrypted at rest.`
      );
      process.env[ENV] = 'not-a-key';
      expect(() => encryption().assertConfigured()).toThrow(
        `${ENV}: key 1 must be written <id>:<base64 key>`
      );
      process.env[ENV] = `short:${crypto.randomBytes(16).toString('base64')}`;
      expect(() => encryption().assertConfigured()).toThrow(
        'must decode to 32 bytes for AES-256, got 16'
      );
    } finally {
      process.env.NODE_ENV = nodeEnv;
      process.env[ENV] = originalKeyring;
      encryption().reloadKeys();
    }
  });

  it('rotation re-encrypts every value under the new key; the old key can then be dropped', async () => {
    const inputs = [sourceWithMarkers(), sourceWithMarkers()];
    const ids: string[] = [];
    for (const data of inputs) {
      ids.push((await app.strapi.documents(UIDS.confidentialSource).create({ data })).documentId);
    }
    const oldKeyId = originalKeyring.split(':')[0];
    const oldCiphertexts = (await rawRows(app, UIDS.confidentialSource))
      .flatMap((row) =>
        ENCRYPTED.map((field) =>
          String(row[field === 'verificationNotes' ? 'verification_notes' : field])
        )
      )
      .filter((value) => value.startsWith('isenc:'));
    expect(oldCiphertexts.length).toBeGreaterThan(10);

    process.env[ENV] = `rotated:${newKey()},${originalKeyring}`;
    encryption().reloadKeys();
    const result = await app.strapi
      .plugin('intelligence-stories')
      .service('confidential-sources')
      .reencryptAll();
    expect(result.keyId).toBe('rotated');
    expect(result.updated).toBe(result.sources);

    const rows = await rawRows(app, UIDS.confidentialSource);
    for (const row of rows) {
      for (const field of ENCRYPTED) {
        const stored = row[field === 'verificationNotes' ? 'verification_notes' : field];
        if (stored) {
          expect(String(stored)).toMatch(/^isenc:v2:rotated:/);
        }
      }
    }
    const dump = await rawDatabaseDump(app);
    for (const version of ['v1', 'v2']) {
      expect(dump).not.toContain(`isenc:${version}:${oldKeyId}:`);
    }
    for (const ciphertext of oldCiphertexts) {
      expect(dump).not.toContain(ciphertext.split(':').slice(3).join(':'));
    }

    // Only the new key left: every source still reveals.
    process.env[ENV] = process.env[ENV]!.split(',')[0];
    encryption().reloadKeys();
    for (const [index, documentId] of ids.entries()) {
      const res = await sourcesApi(app, chief.token).reveal(documentId);
      expect(res.status).toBe(200);
      for (const field of ENCRYPTED) {
        expect(res.body.data[field]).toBe(inputs[index][field]);
      }
    }
    const again = await app.strapi
      .plugin('intelligence-stories')
      .service('confidential-sources')
      .reencryptAll();
    expect(again.updated).toBe(0);
  });
});
