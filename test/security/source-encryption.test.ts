import crypto from 'crypto';

import { createAdminUser } from '../helpers/auth';
import { sourcesApi } from '../helpers/confidential-sources';
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
          new RegExp(`^isenc:v1:${currentKeyId}:[\\w-]{16}:[\\w-]{22}:[\\w-]+$`)
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

  it('validates the typed lengths, not the ciphertext, and writes nothing on bad input', async () => {
    const before = await app.strapi.documents(UIDS.confidentialSource).count({});
    await expect(
      app.strapi.documents(UIDS.confidentialSource).create({
        data: { alias: 'LONG-1', identity: 'x'.repeat(1001) },
      })
    ).rejects.toThrow('identity must be at most 1000 characters');
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
          expect(String(stored)).toMatch(/^isenc:v1:rotated:/);
        }
      }
    }
    const dump = await rawDatabaseDump(app);
    expect(dump).not.toContain(`isenc:v1:${oldKeyId}:`);
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
