import { DEFAULT_PLUGIN_CONFIG } from '../config';
import { normalizeForSearch } from '../passages/normalize';
import type { DocumentCitation, SourceDocument } from '../types/content-types';
import { evaluateRules, RULES } from '.';
import { checkCitedPassages } from './cited-passages';
import type { DocumentText, StorySnapshot } from './types';

const document: SourceDocument = {
  id: 1,
  documentId: 'doc-1',
  title: 'Foreign Threats',
  issuer: 'ODNI',
  pageCount: 3,
  classification: 'declassified',
};

const PAGES = [
  'Key judgments of the intel-\nligence community.',
  '',
  'Iran carried out a covert influence campaign intended to undercut “Trump’s” prospects.',
].map(normalizeForSearch);

const text = (overrides: Partial<DocumentText> = {}): DocumentText => ({
  status: 'done',
  pages: PAGES,
  pageCount: 3,
  pagesWithoutText: [2],
  ...overrides,
});

const snapshot = (
  citations: Array<Partial<DocumentCitation>>,
  documentText: DocumentText | null = text()
): StorySnapshot => ({
  draft: {
    id: 1,
    documentId: 'story-1',
    title: 'A story',
    slug: 'a-story',
    kind: 'news',
    sourceDocuments: [document],
    citations: citations.map((citation) => ({
      sourceDocument: document,
      page: 1,
      passage: '',
      passageType: 'quote',
      ...citation,
    })),
  },
  quotes: [],
  previous: null,
  correctionsSincePublish: [],
  nonSubstantiveReason: null,
  documentTexts: documentText ? { 'doc-1': documentText } : {},
});

const r11 = (s: StorySnapshot) => RULES.R11(s, DEFAULT_PLUGIN_CONFIG);

describe('R11: quotes match the PDF', () => {
  it('accepts a quote found on its page, curly quotes and line-end hyphens notwithstanding', () => {
    expect(r11(snapshot([{ page: 1, passage: 'the intelligence community' }]))).toEqual([]);
    expect(r11(snapshot([{ page: 3, passage: 'to undercut "Trump\'s" prospects' }]))).toEqual([]);
  });

  it('names the page a misplaced quote is really on', () => {
    expect(r11(snapshot([{ page: 1, passage: 'a covert influence campaign' }]))).toEqual([
      {
        code: 'R11',
        path: 'citations[0].page',
        message:
          'Citation 1: this quote is not on page 1 of “Foreign Threats”; it is on page 3. Correct the page.',
        messageId: 'R11.found-elsewhere',
        values: { document: 'Foreign Threats', page: 1, pages: '3' },
      },
    ]);
  });

  it('says when a quote is nowhere in the document', () => {
    expect(r11(snapshot([{ page: 3, passage: 'a covert disinformation campaign' }]))).toEqual([
      expect.objectContaining({
        path: 'citations[0].passage',
        message: expect.stringContaining('does not appear anywhere in the PDF'),
      }),
    ]);
  });

  it('holds a quote while its PDF is being read, but not a paraphrase', () => {
    const pending = text({ status: 'pending', pages: [] });
    const quote = evaluateRules(
      snapshot([{ passage: 'anything' }], pending),
      DEFAULT_PLUGIN_CONFIG.rules,
      DEFAULT_PLUGIN_CONFIG
    );
    expect(quote.errors).toEqual([
      expect.objectContaining({
        code: 'R11',
        message: expect.stringContaining('still being read'),
      }),
    ]);
    const paraphrase = evaluateRules(
      snapshot([{ passage: 'anything', passageType: 'paraphrase' }], pending),
      DEFAULT_PLUGIN_CONFIG.rules,
      DEFAULT_PLUGIN_CONFIG
    );
    expect(paraphrase.errors).toEqual([]);
    expect(paraphrase.warnings).toEqual([expect.objectContaining({ code: 'R11', advisory: true })]);
  });

  it('only warns when the cited page has no text, the PDF is stuck in the queue, or unreadable', () => {
    const scanned = snapshot([{ page: 2, passage: 'anything at all' }]);
    const stale = snapshot(
      [{ passage: 'anything' }],
      text({ status: 'pending', pages: [], stale: true })
    );
    const failed = snapshot(
      [{ passage: 'anything' }],
      text({ status: 'failed', pages: [], error: 'Invalid PDF structure.' })
    );
    for (const [s, words] of [
      [scanned, 'scanned image without text'],
      [stale, 'waiting to be read for a long time'],
      [failed, 'could not be read (Invalid PDF structure.)'],
    ] as const) {
      const result = evaluateRules(s, DEFAULT_PLUGIN_CONFIG.rules, DEFAULT_PLUGIN_CONFIG);
      expect(result.errors.filter(({ code }) => code === 'R11')).toEqual([]);
      expect(result.warnings).toEqual([
        expect.objectContaining({ code: 'R11', message: expect.stringContaining(words) }),
      ]);
    }
  });

  it('warns that a quote of a document without a PDF is unverified, and leaves paraphrases', () => {
    const s = snapshot(
      [{ passage: 'anything' }, { passage: 'anything', passageType: 'paraphrase' }],
      null
    );
    expect(checkCitedPassages(s)).toEqual([
      expect.objectContaining({ state: 'no-pdf' }),
      expect.objectContaining({ state: 'no-pdf' }),
    ]);
    const result = evaluateRules(s, DEFAULT_PLUGIN_CONFIG.rules, DEFAULT_PLUGIN_CONFIG);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        code: 'R11',
        path: 'citations[0].passage',
        advisory: true,
        message:
          'Citation 1: “Foreign Threats” has no PDF attached, so this quote cannot be checked against the document; attach the PDF to the source document, or check the quote by eye.',
        messageId: 'R11.no-pdf',
        values: { document: 'Foreign Threats', page: 1 },
      },
    ]);
  });

  it('scores paraphrases, and only warns when another page clearly fits better', () => {
    const onItsPage = snapshot([
      {
        page: 3,
        passage: 'Iran ran a covert campaign to undercut Trump',
        passageType: 'paraphrase',
      },
    ]);
    expect(checkCitedPassages(onItsPage)).toEqual([
      expect.objectContaining({ state: 'scored', bestPage: 3, citedPageScore: 0.83 }),
    ]);
    expect(r11(onItsPage)).toEqual([]);

    const misplaced = snapshot([
      {
        page: 1,
        passage: 'Iran ran a covert campaign to undercut Trump',
        passageType: 'paraphrase',
      },
    ]);
    const [violation] = r11(misplaced);
    expect(violation).toMatchObject({ code: 'R11', path: 'citations[0].page', advisory: true });
    expect(violation.message).toContain('best match page 3 (83% of them there, 0% on page 1)');
  });
});

describe('R2 with the PDF read', () => {
  it("uses the PDF's page count and reports a typed count that disagrees", () => {
    const s = snapshot(
      [{ page: 3, passage: 'a covert influence campaign' }],
      text({ pageCount: 2 })
    );
    expect(RULES.R2(s, DEFAULT_PLUGIN_CONFIG)).toEqual([
      {
        code: 'R2',
        path: 'citations[0].sourceDocument',
        message:
          'Citation 1: “Foreign Threats” is recorded as 3 pages but its PDF has 2; correct the document’s page count.',
        messageId: 'R2.page-count-mismatch',
        values: { document: 'Foreign Threats', recorded: 3, pdfPages: 2 },
      },
      {
        code: 'R2',
        path: 'citations[0].page',
        message:
          'Citation 1: page 3 does not exist in “Foreign Threats”, which has 2 pages in its PDF.',
        messageId: 'R2.page-missing-in-pdf',
        values: { document: 'Foreign Threats', page: 3, pageCount: 2 },
      },
    ]);
  });
});
