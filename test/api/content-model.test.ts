import { createHash } from 'crypto';

import { createAdminUser } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory, createStoryDraft } from '../helpers/stories';
import { UIDS } from '../helpers/uids';
import { uploadFile } from '../helpers/uploads';

const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

describe('content model through the Document Service', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi();
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const uploadPdf = (bytes: Buffer) => uploadFile(app, bytes);

  const createDocument = (data: Record<string, unknown> = {}) =>
    app.strapi.documents(UIDS.sourceDocument).create({
      data: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'ODNI',
        documentNumber: 'ICA 2020-00078D',
        pageCount: 15,
        classification: 'declassified',
        ...data,
      },
    });

  it('stores a source document with its key judgments', async () => {
    const created = await createDocument({
      documentDate: '2021-03-10',
      releaseDate: '2021-03-16',
      officialUrl: 'https://www.dni.gov/files/ODNI/documents/assessments/ICA-declass-16MAR21.pdf',
      keyJudgments: [{ text: 'A judgment', page: 2, confidence: 'high', likelihood: 'likely' }],
    });
    const read = await app.strapi.documents(UIDS.sourceDocument).findOne({
      documentId: created.documentId,
      populate: ['keyJudgments'],
    });
    expect(read).toMatchObject({
      pageCount: 15,
      classification: 'declassified',
      documentDate: '2021-03-10',
      keyJudgments: [{ text: 'A judgment', page: 2, confidence: 'high', likelihood: 'likely' }],
    });
  });

  it('computes sha256 from the stored file bytes and ignores one sent by a client', async () => {
    const file = await uploadPdf(PDF_BYTES);
    const expected = createHash('sha256').update(PDF_BYTES).digest('hex');

    const created = await createDocument({ file: file.id, sha256: 'f'.repeat(64) });
    expect(created.sha256).toBe(expected);

    const renamed = await app.strapi.documents(UIDS.sourceDocument).update({
      documentId: created.documentId,
      data: { title: 'Renamed', sha256: '0'.repeat(64) },
    });
    expect(renamed?.sha256).toBe(expected);

    const replacement = Buffer.concat([PDF_BYTES, Buffer.from('% revised\n')]);
    const replaced = await app.strapi.documents(UIDS.sourceDocument).update({
      documentId: created.documentId,
      data: { file: (await uploadPdf(replacement)).id },
    });
    expect(replaced?.sha256).toBe(createHash('sha256').update(replacement).digest('hex'));

    const removed = await app.strapi.documents(UIDS.sourceDocument).update({
      documentId: created.documentId,
      data: { file: null },
    });
    expect(removed?.sha256).toBeNull();
  });

  it('stores a story with bylines, citations and an anonymous quote linked to its source', async () => {
    const document = await createDocument();
    const source = await app.strapi.documents(UIDS.confidentialSource).create({
      data: { alias: 'SRC-1', identity: 'A named official', role: 'Deputy' },
    });
    const story = await app.strapi.documents(UIDS.story).create({
      data: {
        title: 'Report points to Russian interference',
        slug: 'report-points-to-russian-interference',
        kind: 'analysis',
        dateline: 'WASHINGTON',
        bylines: [{ name: 'A. Reporter', role: 'Staff' }],
        sourceDocuments: [document.documentId],
        citations: [
          {
            sourceDocument: document.documentId,
            page: 15,
            passage: 'A passage',
            passageType: 'quote',
          },
        ],
        anonymousQuotes: [
          {
            quote: 'There will be more soon.',
            attribution: 'a representative of the Biden administration',
            anonymityReason: 'Not authorized to discuss sanctions before they were announced.',
            informationNotOpinion: true,
            confidentialSource: source.documentId,
          },
        ],
      },
    });

    const read = await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      populate: {
        bylines: true,
        sourceDocuments: true,
        citations: { populate: ['sourceDocument'] },
        anonymousQuotes: { populate: ['confidentialSource'] },
      },
    });
    expect(read).toMatchObject({
      kind: 'analysis',
      dateline: 'WASHINGTON',
      bylines: [{ name: 'A. Reporter', role: 'Staff' }],
      sourceDocuments: [{ documentId: document.documentId }],
      citations: [{ page: 15, sourceDocument: { documentId: document.documentId } }],
      anonymousQuotes: [
        {
          approvalState: 'pending',
          informationNotOpinion: true,
          confidentialSource: { documentId: source.documentId, alias: 'SRC-1' },
        },
      ],
    });
  });

  it('generates a URL-safe, unique slug from the title when none is given', async () => {
    const first = await createStoryDraft(app, { title: 'Putin “likely” led efforts — report' });
    const second = await createStoryDraft(app, { title: 'Putin “likely” led efforts — report' });
    expect(first.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(first.slug).toBe('putin-likely-led-efforts-report');
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug).toMatch(/^putin-likely-led-efforts-report-\d+$/);
  });

  it('stores corrections against the story documentId, with the issuing editor', async () => {
    const { user } = await createAdminUser(app);
    const story = await createStory(app, { title: 'Corrected story' });
    const first = await app.strapi.documents(UIDS.correction).create({
      data: {
        storyDocumentId: story.documentId,
        kind: 'correction',
        text: 'An earlier version of this story misstated the page count.',
        issuedAt: new Date().toISOString(),
        issuedBy: user.id,
      },
    });
    const second = await app.strapi.documents(UIDS.correction).create({
      data: {
        storyDocumentId: story.documentId,
        kind: 'clarification',
        text: 'This clarifies the earlier correction about the page count.',
        issuedAt: new Date().toISOString(),
        supersedes: first.documentId,
      },
    });
    const read = await app.strapi.documents(UIDS.correction).findOne({
      documentId: second.documentId,
      populate: ['supersedes'],
    });
    expect(read).toMatchObject({
      storyDocumentId: story.documentId,
      kind: 'clarification',
      supersedes: { documentId: first.documentId },
    });
    const withIssuer = await app.strapi.documents(UIDS.correction).findOne({
      documentId: first.documentId,
      populate: ['issuedBy'],
    });
    expect(withIssuer?.issuedBy).toMatchObject({ id: user.id });
  });

  it('registers its admin permission actions', async () => {
    const { token } = await createAdminUser(app);
    const res = await app
      .request()
      .get('/admin/permissions')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const actions = res.body.data.sections.plugins
      .filter((action: { plugin: string }) => action.plugin === 'intelligence-stories')
      .map((action: { action: string }) => action.action)
      .sort();
    expect(actions).toEqual([
      'plugin::intelligence-stories.confidential-sources.manage',
      'plugin::intelligence-stories.confidential-sources.read',
      'plugin::intelligence-stories.corrections.issue',
      'plugin::intelligence-stories.quotes.approve',
      'plugin::intelligence-stories.rules.override',
      'plugin::intelligence-stories.settings.read',
      'plugin::intelligence-stories.settings.update',
      'plugin::intelligence-stories.sourcing.manage',
      'plugin::intelligence-stories.sourcing.read',
    ]);
  });
});
