import { createHash } from 'crypto';
import omit from 'lodash/omit';

import { createAdminRole, createAdminUser } from '../helpers/auth';
import { buildPdf } from '../helpers/pdf';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { uploadFile } from '../helpers/uploads';

const READ = 'plugin::intelligence-stories.sourcing.read';
const MANAGE = 'plugin::intelligence-stories.sourcing.manage';
const BASE = '/intelligence-stories/source-documents';

type LibraryDocument = {
  documentId: string;
  title: string;
  issuer: string;
  documentNumber: string | null;
  pageCount: number;
  classification: string;
  file: { name: string; url: string } | null;
  sha256: string | null;
  keyJudgments: Array<Record<string, unknown>>;
  state: string;
  revision: string | null;
  text: { status: string; pageCount: number | null; pagesWithoutText: number };
};

const JUDGMENT = {
  text: 'We assess that Russian President Putin authorized influence operations.',
  page: 1,
  confidence: 'high',
  likelihood: null,
  minorityView: null,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the source-document library behind the admin page', () => {
  let app: TestApp;
  let chief: { token: string };
  let reader: { token: string };
  let author: { token: string };
  let pdfBytes: Buffer;
  const ids: Record<string, string> = {};

  const get = (token: string, path = '', query: Record<string, unknown> = {}) =>
    app
      .request()
      .get(`${BASE}${path}`)
      .query(query)
      .set({ Authorization: `Bearer ${token}` });

  const saveJudgments = (token: string, documentId: string, body: Record<string, unknown>) =>
    app
      .request()
      .put(`${BASE}/${documentId}/key-judgments`)
      .set({ Authorization: `Bearer ${token}` })
      .send(body);

  /** The stored draft and published versions' key judgments, read past every route. */
  const stored = async (documentId: string) => {
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) =>
        documents.findOne({ documentId, status, populate: { keyJudgments: true } })
      )
    );
    const strip = (judgments: Array<Record<string, unknown>> = []) =>
      judgments.map((judgment) => omit(judgment, 'id'));
    return {
      draft: strip(draft?.keyJudgments as Array<Record<string, unknown>>),
      published: strip(published?.keyJudgments as Array<Record<string, unknown>>),
      revision: (draft as { revision?: string } | null)?.revision ?? null,
    };
  };

  const current = async (documentId: string) => {
    const res = await get(chief.token, `/${documentId}`);
    expect(res.status).toBe(200);
    return res.body.data as LibraryDocument;
  };

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    reader = await createAdminUser(app, { role: await createAdminRole(app, [{ action: READ }]) });
    author = await createAdminUser(app, { role: 'strapi-author' });

    const documents = app.strapi.documents(UIDS.sourceDocument);
    pdfBytes = await buildPdf([['Key Judgments', 'We assess that Russian President Putin'], []], {
      image: true,
    });
    const file = await uploadFile(app, pdfBytes, { name: 'ica-2021.pdf' });
    const report = await documents.create({
      data: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'Office of the Director of National Intelligence',
        documentNumber: 'ICA 2020-00078D',
        pageCount: 2,
        classification: 'declassified',
        file: file.id,
        keyJudgments: [JUDGMENT as never],
      },
    });
    await documents.publish({ documentId: report.documentId });
    ids.report = report.documentId;
    ids.memo = (
      await documents.create({
        data: {
          title: 'Iranian influence efforts',
          issuer: 'National Intelligence Council',
          pageCount: 12,
          classification: 'redacted_release',
        },
      })
    ).documentId;
    ids.cable = (
      await documents.create({
        data: {
          title: 'Embassy cable',
          issuer: 'Department of State',
          documentNumber: 'CABLE-77',
          pageCount: 3,
          classification: 'leaked',
        },
      })
    ).documentId;

    // The PDF is read in the background; the library reports how far it got.
    const deadline = Date.now() + 60_000;
    while ((await current(ids.report)).text.status === 'pending' && Date.now() < deadline) {
      await sleep(100);
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('lists every draft with issuer, number, pages, classification, file, digest, judgments and text', async () => {
    const res = await get(reader.token);

    expect(res.status).toBe(200);
    const documents = res.body.data as LibraryDocument[];
    expect(documents.map(({ documentId }) => documentId).sort()).toEqual(
      [ids.report, ids.memo, ids.cable].sort()
    );
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
    const report = documents.find(({ documentId }) => documentId === ids.report)!;
    expect(report).toMatchObject({
      title: 'Foreign Threats to the 2020 US Federal Elections',
      issuer: 'Office of the Director of National Intelligence',
      documentNumber: 'ICA 2020-00078D',
      pageCount: 2,
      classification: 'declassified',
      file: { name: 'ica-2021.pdf' },
      sha256: createHash('sha256').update(pdfBytes).digest('hex'),
      keyJudgments: [JUDGMENT],
      state: 'published',
      text: { status: 'done', pageCount: 2, pagesWithoutText: 1 },
    });
    expect(documents.find(({ documentId }) => documentId === ids.memo)).toMatchObject({
      state: 'draft',
      file: null,
      sha256: null,
      text: { status: 'none', pageCount: null },
    });
  });

  it('searches title, issuer and number, and pages, as the page asks', async () => {
    const found = async (query: Record<string, unknown>) =>
      ((await get(reader.token, '', query)).body.data as LibraryDocument[])
        .map(({ documentId }) => documentId)
        .sort();

    expect(await found({ q: 'state' })).toEqual([ids.cable]);
    expect(await found({ q: 'cable-77' })).toEqual([ids.cable]);
    expect(await found({ q: 'intelligence' })).toEqual([ids.report, ids.memo].sort());
    expect(await found({ q: 'nothing like this' })).toEqual([]);

    const page = await get(reader.token, '', { pagination: { page: 2, pageSize: 2 } });
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(page.body.data).toHaveLength(1);
  });

  it('refuses unknown query parameters and filters with a 400 naming them', async () => {
    for (const query of [
      { filters: { title: 'x' } },
      { sort: 'title' },
      { pagination: { pageSize: 'many' } },
    ]) {
      const res = await get(reader.token, '', query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/unsupported|pagination/);
    }
  });

  it('answers 403 without the sourcing permission and 404 for an unknown document', async () => {
    const none = await createAdminUser(app, { role: await createAdminRole(app, []) });
    for (const token of [none.token, author.token]) {
      expect((await get(token)).status).toBe(403);
      expect((await get(token, `/${ids.report}`)).status).toBe(403);
      expect(
        (await saveJudgments(token, ids.report, { revision: null, keyJudgments: [] })).status
      ).toBe(403);
    }
    // Reading the library does not let an editor change it.
    const before = await stored(ids.memo);
    const res = await saveJudgments(reader.token, ids.memo, {
      revision: before.revision,
      keyJudgments: [JUDGMENT],
    });
    expect(res.status).toBe(403);
    expect(await stored(ids.memo)).toEqual(before);
    expect((await get(chief.token, '/no-such-document')).status).toBe(404);
  });

  it('saves key judgments to the draft, leaving the published version as readers have it', async () => {
    const manager = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: READ }, { action: MANAGE }]),
    });
    const before = await current(ids.report);
    const judgments = [
      { ...JUDGMENT, confidence: 'moderate', likelihood: 'very_likely' },
      {
        text: 'Iran carried out a covert influence campaign.',
        page: 2,
        confidence: 'low',
        likelihood: 'almost_certain',
        minorityView: 'One agency assesses with low confidence that the campaign failed.',
      },
    ];

    const res = await saveJudgments(manager.token, ids.report, {
      revision: before.revision,
      keyJudgments: judgments,
    });

    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ keyJudgments: judgments, state: 'modified' });
    expect(res.body.data.revision).not.toBe(before.revision);
    const after = await stored(ids.report);
    expect(after.draft).toEqual(judgments);
    expect(after.published).toEqual([JUDGMENT]);
  });

  it('refuses with 409 a save based on a revision changed since, and writes nothing', async () => {
    const loaded = await current(ids.cable);
    // Someone else saves in the Content Manager meanwhile.
    await app.strapi
      .documents(UIDS.sourceDocument)
      .update({ documentId: ids.cable, data: { summary: 'A cable on election security.' } });
    const before = await stored(ids.cable);

    const res = await saveJudgments(chief.token, ids.cable, {
      revision: loaded.revision,
      keyJudgments: [JUDGMENT],
    });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/changed by someone else/);
    expect(await stored(ids.cable)).toEqual(before);
  });

  it.each([
    [
      'a confidence outside the scale',
      [{ ...JUDGMENT, confidence: 'certain' }],
      /keyJudgments\[0\]\.confidence must be one of/,
    ],
    [
      'a likelihood that is not an ICD 203 term',
      [{ ...JUDGMENT, likelihood: 'probably' }],
      /keyJudgments\[0\]\.likelihood must be one of ICD 203's terms/,
    ],
    ['a judgment without text', [{ ...JUDGMENT, text: '  ' }], /keyJudgments\[0\]\.text/],
    [
      'a page past the end of the document',
      [{ ...JUDGMENT, page: 13 }],
      /keyJudgments\[0\]\.page must be at most 12/,
    ],
    [
      'an unknown field',
      [{ ...JUDGMENT, approvedBy: 1 }],
      /keyJudgments\[0\] has unknown field\(s\): approvedBy/,
    ],
    [
      'a text longer than the schema allows',
      [{ ...JUDGMENT, text: 'x'.repeat(4001) }],
      /^Key judgment 1 › Text: shorten it to 4000 characters at most\./,
    ],
  ])(
    'refuses %s with a 400 naming the field, and writes nothing',
    async (_case, keyJudgments, message) => {
      const before = await stored(ids.memo);

      const res = await saveJudgments(chief.token, ids.memo, {
        revision: before.revision,
        keyJudgments,
      });

      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
      expect(await stored(ids.memo)).toEqual(before);
    }
  );

  it('refuses a body without its revision or its list', async () => {
    const before = await stored(ids.memo);
    for (const body of [{ keyJudgments: [] }, { revision: before.revision }]) {
      const res = await saveJudgments(chief.token, ids.memo, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/revision is required|keyJudgments is required/);
    }
    expect(await stored(ids.memo)).toEqual(before);
  });
});
