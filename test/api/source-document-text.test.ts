import { createHash } from 'crypto';

import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { rerunMigrations } from '../helpers/migrations';
import { buildPdf } from '../helpers/pdf';
import { sourcingApi } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

// Known text on known pages: a word hyphenated across a line end (page 1), curly quotes (page 2),
// a page that is only an image (page 3), and words found on two pages (pages 2 and 4).
const REPORT_PAGES = [
  [
    'Key Judgments',
    'We assess that Russian President Putin authorized, and a range of Russian',
    'government organizations conducted, influence operations aimed at undermining public confi-',
    'dence in the electoral process and exacerbating sociopolitical divisions in the US.',
  ],
  [
    'Moscow’s “influence” efforts relied on proxies linked to Russian intelligence.',
    'We did not identify persistent cyber efforts to gain access to election infrastructure.',
  ],
  [],
  [
    'Iran carried out a multi-pronged covert influence campaign intended to undercut',
    'former President Trump’s reelection prospects. Iranian cyber actors sent threatening emails.',
  ],
  ['Annex: Methodology and sources of the assessment.'],
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FOREIGN_THREATS = 'Foreign Threats to the 2020 US Federal Elections';

describe('source documents: text read from the PDF, and R11', () => {
  let app: TestApp;
  let editor: { token: string; user: { id: number } };
  let reportBytes: Buffer;
  let reportFileId: number;
  let reportId: string;

  const auth = () => ({ Authorization: `Bearer ${editor.token}` });

  /** Uploads as the media library does: multipart POST to the upload plugin's admin route. */
  const upload = async (bytes: Buffer, name = 'report.pdf') => {
    const res = await app
      .request()
      .post('/upload')
      .set(auth())
      .attach('files', bytes, { filename: name, contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    return res.body[0].id as number;
  };

  const texts = () => app.strapi.db.query('plugin::intelligence-stories.source-document-text');

  const status = (documentId: string) =>
    app.request().get(`/intelligence-stories/source-documents/${documentId}/text`).set(auth());

  const search = (documentId: string, query: Record<string, string>) =>
    app
      .request()
      .get(`/intelligence-stories/source-documents/${documentId}/text/search`)
      .query(query)
      .set(auth());

  /** Polls the status route until extraction leaves `pending`, for at most `timeoutMs`. */
  const settled = async (documentId: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await status(documentId);
      expect(res.status).toBe(200);
      if (res.body.data.status !== 'pending') {
        return res.body.data;
      }
      if (Date.now() > deadline) {
        throw new Error(`Extraction of ${documentId} still pending after ${timeoutMs} ms`);
      }
      await sleep(100);
    }
  };

  /** A source document created in the Content Manager, then given its PDF, as an editor does. */
  const documentWithPdf = async (fileId: number | null, pageCount: number) => {
    const cm = contentManager(app, editor.token);
    const created = await cm.create(UIDS.sourceDocument, {
      title: 'Foreign Threats to the 2020 US Federal Elections',
      issuer: 'ODNI',
      pageCount,
      classification: 'declassified',
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    if (fileId) {
      const attached = await cm.update(UIDS.sourceDocument, documentId, { file: fileId });
      expect(attached.status).toBe(200);
    }
    return documentId;
  };

  const storyCiting = (
    citations: Array<{ page: number; passage: string; passageType?: string }>,
    documentId = reportId
  ) =>
    app.strapi.documents(UIDS.story).create({
      data: {
        title: `Story ${Math.random().toString(36).slice(2, 10)}`,
        kind: 'news',
        sourceDocuments: [documentId],
        citations: citations.map((citation) => ({
          sourceDocument: documentId,
          passageType: 'quote',
          ...citation,
        })),
      } as never,
    });

  const readiness = async (storyId: string) => {
    const res = await sourcingApi(app, editor.token).readiness(storyId);
    expect(res.status).toBe(200);
    return res.body.data as {
      ready: boolean;
      errors: Array<{ code: string; path: string; message: string }>;
      warnings: Array<{ code: string; path: string; message: string }>;
      passages?: Array<Record<string, unknown>>;
    };
  };

  beforeAll(async () => {
    app = await bootStrapi();
    editor = await createAdminUser(app);
    reportBytes = await buildPdf(REPORT_PAGES, { image: true });
    reportFileId = await upload(reportBytes);
    reportId = await documentWithPdf(reportFileId, 5);
    expect(await settled(reportId)).toMatchObject({ status: 'done' });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('reads the PDF page by page, normalized for search, and reports the page without text', async () => {
    const res = await status(reportId);
    expect(res.body.data).toMatchObject({
      documentId: reportId,
      status: 'done',
      error: null,
      fileId: reportFileId,
      sha256: sha256(reportBytes),
      pageCount: 5,
      typedPageCount: 5,
      pageCountMatches: true,
      pagesWithoutText: [3],
      hasTextLayer: true,
    });
    expect(Date.parse(res.body.data.extractedAt)).not.toBeNaN();

    const row = await app.strapi.db
      .query('plugin::intelligence-stories.source-document-text')
      .findOne({ where: { sourceDocumentId: reportId } });
    const pages = row.pages as string[];
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('undermining public confidence in the electoral process');
    expect(pages[0]).not.toMatch(/\s{2}|\n/);
    expect(pages[1]).toContain('Moscow\'s "influence" efforts relied on proxies');
    expect(pages[2]).toBe('');
    expect(pages[3]).toContain("former President Trump's reelection prospects");
    expect(pages[4]).toBe('Annex: Methodology and sources of the assessment.');
  });

  it('reports a scanned PDF without any text layer as such, page by page', async () => {
    const fileId = await upload(await buildPdf([[], []], { image: true }), 'scan.pdf');
    const documentId = await documentWithPdf(fileId, 2);
    expect(await settled(documentId)).toMatchObject({
      status: 'done',
      pageCount: 2,
      pagesWithoutText: [1, 2],
      hasTextLayer: false,
    });
  });

  it('fails a file that is not a readable PDF, with the reason', async () => {
    const fileId = await upload(Buffer.from('%PDF-1.7\nthis is not a PDF at all\n'), 'broken.pdf');
    const documentId = await documentWithPdf(fileId, 3);
    const result = await settled(documentId);
    expect(result).toMatchObject({ status: 'failed', pageCount: null });
    expect(result.error).toMatch(/^This file could not be read as a PDF: .+/);
    const searched = await search(documentId, { q: 'anything' });
    expect(searched.status).toBe(400);
    expect(searched.body.error.message).toBe(
      "The PDF's text is not available (extraction failed); search it once it is done"
    );

    const story = await storyCiting([{ page: 1, passage: 'anything' }], documentId);
    const { errors, warnings } = await readiness(story.documentId);
    expect(errors.filter(({ code }) => code === 'R11')).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'R11',
        path: 'citations[0].passage',
        message: expect.stringContaining('could not be read (This file could not be read as a PDF'),
      }),
    ]);
  });

  it('R11 accepts quotes found on their page, despite hyphenation and curly quotes', async () => {
    const story = await storyCiting([
      { page: 1, passage: 'undermining public confidence in the electoral process' },
      { page: 2, passage: 'Moscow’s “influence” efforts' },
      { page: 4, passage: 'Iran carried out a multi-pronged covert influence campaign' },
    ]);
    const result = await readiness(story.documentId);
    expect(result).toMatchObject({ ready: true, errors: [], warnings: [] });
    expect(result.passages).toEqual([
      expect.objectContaining({ citation: 0, state: 'found', foundOnPages: [1] }),
      expect.objectContaining({ citation: 1, state: 'found', foundOnPages: [2] }),
      expect.objectContaining({ citation: 2, state: 'found', foundOnPages: [4] }),
    ]);
    await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
    expect(
      await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: story.documentId, status: 'published' })
    ).not.toBeNull();
  });

  it('R11 refuses a quote on the wrong page, naming the right one, and a quote found nowhere', async () => {
    const story = await storyCiting([
      { page: 2, passage: 'a multi-pronged covert influence campaign' },
      { page: 1, passage: 'a multi-pronged overt influence campaign' },
    ]);
    const result = await readiness(story.documentId);
    expect(result.ready).toBe(false);
    expect(result.errors).toEqual([
      {
        code: 'R11',
        path: 'citations[0].page',
        message:
          'Citation 1: this quote is not on page 2 of “Foreign Threats to the 2020 US Federal Elections”; it is on page 4. Correct the page.',
        messageId: 'R11.found-elsewhere',
        values: { document: FOREIGN_THREATS, page: 2, pages: '4' },
      },
      {
        code: 'R11',
        path: 'citations[1].passage',
        message:
          'Citation 2: this quote does not appear anywhere in the PDF of “Foreign Threats to the 2020 US Federal Elections”; check it word for word against the document.',
        messageId: 'R11.not-found',
        values: { document: FOREIGN_THREATS, page: 1 },
      },
    ]);

    await expect(
      app.strapi.documents(UIDS.story).publish({ documentId: story.documentId })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      details: { violations: [{ code: 'R11' }, { code: 'R11' }] },
    });
    expect(
      await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: story.documentId, status: 'published' })
    ).toBeNull();
  });

  it('R11 scores a paraphrase without blocking, and warns when another page fits it better', async () => {
    const story = await storyCiting([
      {
        page: 4,
        passage: 'Tehran ran a covert campaign to undercut Trump’s reelection',
        passageType: 'paraphrase',
      },
      {
        page: 1,
        passage: 'Iran ran a covert campaign to undercut Trump’s reelection',
        passageType: 'paraphrase',
      },
    ]);
    const result = await readiness(story.documentId);
    expect(result.errors).toEqual([]);
    const [onItsPage, misplaced] = result.passages as Array<{
      bestPage: number;
      bestScore: number;
      citedPageScore: number;
      state: string;
    }>;
    expect(onItsPage).toMatchObject({ state: 'scored', passageType: 'paraphrase', bestPage: 4 });
    expect(onItsPage.bestScore).toBe(onItsPage.citedPageScore);
    expect(onItsPage.bestScore).toBeGreaterThan(0.5);
    expect(misplaced).toMatchObject({ state: 'scored', bestPage: 4 });
    expect(misplaced.citedPageScore).toBeLessThan(misplaced.bestScore);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'R11',
        path: 'citations[1].page',
        message: expect.stringContaining('paraphrases page 1 of'),
      }),
    ]);
    expect(result.warnings[0].message).toContain('best match page 4');
  });

  it('R11 says a quote on a page without text cannot be checked, as a warning', async () => {
    const story = await storyCiting([{ page: 3, passage: 'A passage on the scanned page' }]);
    const result = await readiness(story.documentId);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        code: 'R11',
        path: 'citations[0].page',
        advisory: true,
        message:
          'Citation 1: page 3 of “Foreign Threats to the 2020 US Federal Elections” is a scanned image without text, so the passage cannot be checked automatically; check it by eye.',
        messageId: 'R11.no-text-on-page',
        values: { document: FOREIGN_THREATS, page: 3 },
      },
    ]);
  });

  it("R2 uses the PDF's page count and reports a typed page count that disagrees", async () => {
    const documentId = await documentWithPdf(reportFileId, 7);
    expect(await settled(documentId)).toMatchObject({
      status: 'done',
      pageCount: 5,
      typedPageCount: 7,
      pageCountMatches: false,
    });
    const story = await storyCiting([{ page: 6, passage: 'Annex' }], documentId);
    const { errors } = await readiness(story.documentId);
    expect(errors.filter(({ code }) => code === 'R2')).toEqual([
      {
        code: 'R2',
        path: 'citations[0].sourceDocument',
        message:
          'Citation 1: “Foreign Threats to the 2020 US Federal Elections” is recorded as 7 pages but its PDF has 5; correct the document’s page count.',
        messageId: 'R2.page-count-mismatch',
        values: {
          document: FOREIGN_THREATS,
          recorded: 7,
          pdfPages: 5,
        },
      },
      {
        code: 'R2',
        path: 'citations[0].page',
        message:
          'Citation 1: page 6 does not exist in “Foreign Threats to the 2020 US Federal Elections”, which has 5 pages in its PDF.',
        messageId: 'R2.page-missing-in-pdf',
        values: {
          document: FOREIGN_THREATS,
          page: 6,
          pageCount: 5,
        },
      },
    ]);
  });

  it('says when a document has no PDF: its quotes are unverified, which does not block', async () => {
    const documentId = await documentWithPdf(null, 5);
    const res = await status(documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ documentId, status: 'none', typedPageCount: 5 });
    const story = await storyCiting(
      [
        { page: 1, passage: 'Not checked' },
        { page: 2, passage: 'Not scored', passageType: 'paraphrase' },
      ],
      documentId
    );
    expect(await readiness(story.documentId)).toMatchObject({
      ready: true,
      errors: [],
      warnings: [
        {
          code: 'R11',
          path: 'citations[0].passage',
          advisory: true,
          message:
            'Citation 1: “Foreign Threats to the 2020 US Federal Elections” has no PDF attached, so this quote cannot be checked against the document; attach the PDF to the source document, or check the quote by eye.',
          messageId: 'R11.no-pdf',
          values: { document: FOREIGN_THREATS, page: 1 },
        },
      ],
    });
    expect((await readiness(story.documentId)).passages).toBeUndefined();
  });

  it('searches one document and returns the pages with snippets', async () => {
    const cyber = await search(reportId, { q: 'cyber' });
    expect(cyber.status).toBe(200);
    expect(cyber.body.data.map(({ page }: { page: number }) => page)).toEqual([2, 4]);
    for (const hit of cyber.body.data as Array<{ snippet: string }>) {
      expect(hit.snippet).toMatch(/«cyber»/i);
    }

    const joined = await search(reportId, { q: 'public confidence' });
    expect(joined.status).toBe(200);
    expect(joined.body.data).toEqual([{ page: 1, snippet: expect.stringMatching(/«public/) }]);

    const none = await search(reportId, { q: 'Venezuela' });
    expect(none.body).toEqual({ data: [], meta: { query: 'Venezuela' } });
  });

  it.each([
    [{}, 'q: enter the words to search for'],
    [{ q: '   ' }, 'q: enter the words to search for'],
    [{ q: 'x'.repeat(201) }, 'q must be at most 200 characters'],
    [{ q: 'cyber', limit: '0' }, 'limit must be between 1 and 100'],
    [{ q: 'cyber', limit: 'ten' }, 'limit must be a whole number'],
    [{ q: 'cyber', sort: 'page' }, 'unknown query parameter(s): sort'],
  ])('refuses bad search parameters %j with a 400 naming the parameter', async (query, message) => {
    const res = await search(reportId, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
  });

  it('answers 404 for an unknown document and 403 without the permission', async () => {
    expect((await status('no-such-document')).status).toBe(404);
    expect((await search('no-such-document', { q: 'cyber' })).status).toBe(404);

    const role = await createAdminRole(app, [
      { action: 'plugin::intelligence-stories.corrections.issue' },
    ]);
    const outsider = await createAdminUser(app, { role });
    for (const path of ['text', 'text/search?q=cyber']) {
      const res = await app
        .request()
        .get(`/intelligence-stories/source-documents/${reportId}/${path}`)
        .set('Authorization', `Bearer ${outsider.token}`);
      expect(res.status).toBe(403);
    }
  });

  it('reads the new PDF when the file is replaced, and forgets the text when it is removed', async () => {
    const first = await upload(await buildPdf([['The first edition of the report.']]));
    const documentId = await documentWithPdf(first, 1);
    expect(await settled(documentId)).toMatchObject({ status: 'done', fileId: first });

    const secondBytes = await buildPdf([['The revised edition.'], ['With a second page.']]);
    const second = await upload(secondBytes);
    const cm = contentManager(app, editor.token);
    expect((await cm.update(UIDS.sourceDocument, documentId, { file: second })).status).toBe(200);
    expect(await settled(documentId)).toMatchObject({
      status: 'done',
      fileId: second,
      sha256: sha256(secondBytes),
      pageCount: 2,
    });
    expect((await search(documentId, { q: 'revised edition' })).body.data).toEqual([
      { page: 1, snippet: expect.stringContaining('revised') },
    ]);

    // Saving the form again with the same file does not read it again.
    const before = await texts().findOne({ where: { sourceDocumentId: documentId } });
    expect((await cm.update(UIDS.sourceDocument, documentId, { file: second })).status).toBe(200);
    const after = await texts().findOne({ where: { sourceDocumentId: documentId } });
    expect(after.requestId).toBe(before.requestId);

    expect((await cm.update(UIDS.sourceDocument, documentId, { file: null })).status).toBe(200);
    expect((await status(documentId)).body.data).toMatchObject({ status: 'none' });
    expect(await texts().count({ where: { sourceDocumentId: documentId } })).toBe(0);
  });

  it('forgets the text of a deleted document', async () => {
    const documentId = await documentWithPdf(reportFileId, 5);
    await settled(documentId);
    await app.strapi.documents(UIDS.sourceDocument).delete({ documentId });
    expect(await texts().count({ where: { sourceDocumentId: documentId } })).toBe(0);
  });

  it('queues nothing when the write attaching the PDF is refused', async () => {
    const before = await texts().count({});
    const refused = await contentManager(app, editor.token).create(UIDS.sourceDocument, {
      title: 'A report',
      issuer: 'ODNI',
      pageCount: 5,
      classification: 'declassified',
      // Refused after the write, inside its transaction: the whole write is rolled back.
      documentDate: '2021-03-16',
      releaseDate: '2021-03-10',
      file: reportFileId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Release date: cannot be earlier than the document date.'
    );
    expect(await texts().count({})).toBe(before);
  });

  describe('the queue, shared by every instance through the database', () => {
    const queued = async (claim: Record<string, unknown>) => {
      const documentId = await documentWithPdf(null, 5);
      // A job as another instance left it: same row the middleware writes, claimed as given.
      await texts().create({
        data: {
          sourceDocumentId: documentId,
          status: 'pending',
          fileId: reportFileId,
          requestId: `test-${documentId}`,
          requestedAt: new Date(),
          attempts: 1,
          ...claim,
        },
      });
      return documentId;
    };
    const drain = () =>
      app.strapi.plugin('intelligence-stories').service('text-extraction').drain();

    it('takes over a job whose instance stopped renewing its claim', async () => {
      const documentId = await queued({
        claimedBy: 'an-instance-that-crashed',
        claimedAt: new Date(Date.now() - 10 * 60 * 1000),
      });
      await drain();
      expect(await settled(documentId)).toMatchObject({ status: 'done', pageCount: 5 });
      expect(await texts().findOne({ where: { sourceDocumentId: documentId } })).toMatchObject({
        attempts: 2,
        claimedBy: null,
      });
    });

    it('leaves a job another live instance holds', async () => {
      const documentId = await queued({ claimedBy: 'a-live-instance', claimedAt: new Date() });
      await drain();
      expect((await status(documentId)).body.data.status).toBe('pending');
      expect(await texts().findOne({ where: { sourceDocumentId: documentId } })).toMatchObject({
        claimedBy: 'a-live-instance',
      });
    });

    it('on upgrade, queues PDFs attached before their text was read', async () => {
      const documentId = await documentWithPdf(reportFileId, 5);
      await settled(documentId);
      await texts().delete({ where: { sourceDocumentId: documentId } });
      expect((await status(documentId)).body.data.status).toBe('none');

      await rerunMigrations(app, 'queue-text-of-earlier-pdfs');
      expect(await settled(documentId)).toMatchObject({ status: 'done', pageCount: 5 });
    });

    it('fails a job whose claims keep lapsing instead of retrying it forever', async () => {
      const documentId = await queued({
        claimedBy: 'an-instance-that-crashed',
        claimedAt: new Date(Date.now() - 10 * 60 * 1000),
        attempts: 3,
      });
      await drain();
      expect(await settled(documentId)).toMatchObject({
        status: 'failed',
        error: 'The PDF could not be read after 3 attempts.',
      });
    });
  });

  it('reads a 300-page PDF off the request path', async () => {
    const pages = Array.from({ length: 300 }, (_, index) => [
      `Page ${index + 1} of the long report.`,
      'The Intelligence Community assessed foreign efforts to influence the election,',
      `including operations numbered ${index + 1}-A and ${index + 1}-B across many regions.`,
    ]);
    const bytes = await buildPdf(pages);
    const fileId = await upload(bytes, 'long-report.pdf');
    const cm = contentManager(app, editor.token);
    const created = await cm.create(UIDS.sourceDocument, {
      title: 'A long report',
      issuer: 'ODNI',
      pageCount: 300,
      classification: 'unclassified',
    });
    const documentId = created.body.data.documentId as string;

    const attachedAt = Date.now();
    const attached = await cm.update(UIDS.sourceDocument, documentId, { file: fileId });
    const answeredIn = Date.now() - attachedAt;
    expect(attached.status).toBe(200);
    // The editor's save came back while the PDF is still being read, and the server keeps
    // answering while it is.
    const askedAt = Date.now();
    expect((await status(documentId)).body.data.status).toBe('pending');
    const statusAnsweredIn = Date.now() - askedAt;
    // Meanwhile a quote of it waits for the reading: it cannot be checked yet.
    const story = await storyCiting(
      [{ page: 250, passage: 'including operations numbered 250-A and 250-B' }],
      documentId
    );
    expect((await readiness(story.documentId)).errors).toEqual([
      {
        code: 'R11',
        path: 'citations[0].passage',
        message:
          'Citation 1: the PDF of “A long report” is still being read, so the passage cannot be checked yet; try again in a moment.',
        messageId: 'R11.pending',
        values: { document: 'A long report', page: 250 },
      },
    ]);

    const result = await settled(documentId, 170_000);
    const tookMs = Date.now() - attachedAt;
    expect(result).toMatchObject({ status: 'done', pageCount: 300, pagesWithoutText: [] });
    expect(await readiness(story.documentId)).toMatchObject({ ready: true, errors: [] });
    const found = await search(documentId, { q: 'operations numbered 250-A' });
    expect(found.body.data.map(({ page }: { page: number }) => page)).toContain(250);

    // A measurement for docs/content-model.md, not an assertion: machines differ.
    console.log(
      `[${app.strapi.db.dialect.client}] 300-page PDF (${bytes.length} bytes): save answered in ${answeredIn} ms, ` +
        `status during extraction in ${statusAnsweredIn} ms; ` +
        `text ready after ${tookMs} ms, ${Math.round(tookMs / 3)} ms per 100 pages`
    );
  }, 180_000);
});
