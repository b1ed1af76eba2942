import { DEFAULT_PLUGIN_CONFIG } from '../config';
import type { AnonymousQuote, SourceDocument } from '../types/content-types';
import { evaluateRules, RULES } from '.';
import { readerVisible, readerVisibleDiff } from './reader-visible-changes';
import type { RuleCode, StorySnapshot } from './types';

const options = DEFAULT_PLUGIN_CONFIG;

const document = (overrides: Partial<SourceDocument> = {}): SourceDocument => ({
  id: 1,
  documentId: 'doc-1',
  title: 'Foreign Threats to the 2020 US Federal Elections',
  issuer: 'ODNI',
  pageCount: 15,
  classification: 'declassified',
  keyJudgments: [
    {
      text: 'Moscow very likely sought to denigrate a candidate.',
      confidence: 'high',
      likelihood: 'very_likely',
    },
  ],
  ...overrides,
});

const quote = (overrides: Partial<AnonymousQuote> = {}): AnonymousQuote => ({
  quote: 'There will be more soon.',
  attribution: 'a representative of the Biden administration',
  anonymityReason:
    'The representative was not authorized to discuss sanctions before they were announced.',
  informationNotOpinion: true,
  approvalState: 'approved',
  approvedFingerprint: 'fp-1',
  ...overrides,
});

/** A story every rule accepts; each test breaks one thing. */
const goodSnapshot = (): StorySnapshot => ({
  draft: {
    id: 1,
    documentId: 'story-1',
    title: 'Report points to Russian interference',
    slug: 'report',
    kind: 'news',
    bylines: [{ name: 'A. Reporter' }],
    sourceDocuments: [document()],
    citations: [
      { sourceDocument: document(), page: 15, passage: 'A passage', passageType: 'quote' },
    ],
    anonymousQuotes: [quote()],
  },
  quotes: [{ fingerprint: 'fp-1', sourceKnownToEditors: 1, approverMayApprove: true }],
  previous: null,
  correctionsSincePublish: [],
  nonSubstantiveReason: null,
});

const fired = (code: RuleCode, snapshot: StorySnapshot) => RULES[code](snapshot, options);

describe('editorial rules', () => {
  it('accept a well-sourced story', () => {
    expect(evaluateRules(goodSnapshot(), options.rules, options)).toEqual({
      ready: true,
      errors: [],
      warnings: [],
      awaitingDecision: [],
    });
  });

  it('R1 wants a source document', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.sourceDocuments = [];
    snapshot.draft.citations = [];
    expect(fired('R1', snapshot)).toEqual([
      expect.objectContaining({ code: 'R1', path: 'sourceDocuments' }),
    ]);
  });

  it('R2 wants every cited page inside the document', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.citations![0].page = 16;
    expect(fired('R2', snapshot)).toEqual([
      {
        code: 'R2',
        path: 'citations[0].page',
        message:
          'Citation 1: page 16 does not exist in “Foreign Threats to the 2020 US Federal Elections”, which has 15 pages.',
        messageId: 'R2.page-missing',
        values: {
          document: 'Foreign Threats to the 2020 US Federal Elections',
          page: 16,
          pageCount: 15,
        },
      },
    ]);
    snapshot.draft.citations![0].sourceDocument = null;
    expect(fired('R2', snapshot)[0].path).toBe('citations[0].sourceDocument');
  });

  it.each([
    'on condition of anonymity',
    'On condition of anonymity.',
    '“On the condition of anonymity”',
    'spoke on background, on condition of anonymity',
    '',
  ])('R3 refuses a stock or empty reason: %j', (reason) => {
    const snapshot = goodSnapshot();
    snapshot.draft.anonymousQuotes![0].anonymityReason = reason;
    const [violation] = fired('R3', snapshot);
    expect(violation).toMatchObject({ code: 'R3', path: 'anonymousQuotes[0].anonymityReason' });
    if (reason) {
      expect(violation.message).toMatch(
        /^Quote 1: say why the source was granted anonymity; “.+” alone does not explain it\.$/
      );
    }
  });

  it('R3 accepts a stock phrase followed by a real reason', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.anonymousQuotes![0].anonymityReason =
      'On condition of anonymity because the sanctions had not been announced.';
    expect(fired('R3', snapshot)).toEqual([]);
  });

  it.each(['a source', 'Sources', 'officials say', 'An official.', ' '])(
    'R4 refuses the vague attribution %j',
    (attribution) => {
      const snapshot = goodSnapshot();
      snapshot.draft.anonymousQuotes![0].attribution = attribution;
      expect(fired('R4', snapshot)).toEqual([
        expect.objectContaining({ code: 'R4', path: 'anonymousQuotes[0].attribution' }),
      ]);
    }
  );

  it('R4 accepts a specific attribution that contains a vague phrase', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.anonymousQuotes![0].attribution = 'an official who attended the briefing';
    expect(fired('R4', snapshot)).toEqual([]);
  });

  it('R5 wants a linked source known to an editor', () => {
    const snapshot = goodSnapshot();
    snapshot.quotes[0].sourceKnownToEditors = null;
    expect(fired('R5', snapshot)[0].message).toMatch(/link the confidential source/);
    snapshot.quotes[0].sourceKnownToEditors = 0;
    expect(fired('R5', snapshot)[0]).toMatchObject({
      code: 'R5',
      path: 'anonymousQuotes[0].confidentialSource',
      message: expect.stringMatching(/no editor is recorded/),
    });
  });

  it('R6 wants an approval by a permitted user that covers the current text', () => {
    const pending = goodSnapshot();
    pending.draft.anonymousQuotes![0].approvalState = 'pending';
    expect(fired('R6', pending)[0].message).toMatch(/needs a standards editor’s approval/);

    const edited = goodSnapshot();
    edited.quotes[0].fingerprint = 'fp-2';
    expect(fired('R6', edited)[0]).toMatchObject({
      code: 'R6',
      path: 'anonymousQuotes[0].approvalState',
      message: expect.stringMatching(/changed after it was approved/),
    });

    const unpermitted = goodSnapshot();
    unpermitted.quotes[0].approverMayApprove = false;
    expect(fired('R6', unpermitted)[0].message).toMatch(/may not approve quotes/);

    const rejected = goodSnapshot();
    rejected.draft.anonymousQuotes![0].approvalState = 'rejected';
    expect(fired('R6', rejected)[0].message).toMatch(/was rejected by a standards editor/);
  });

  it('says which quotes await a decision and why, whatever R6’s level', () => {
    const snapshot = goodSnapshot();
    const approved = snapshot.draft.anonymousQuotes![0];
    snapshot.draft.anonymousQuotes = [
      { ...approved, approvalState: 'pending', approvedFingerprint: null },
      { ...approved, approvalState: 'rejected' },
      { ...approved },
      { ...approved },
      { ...approved },
    ];
    snapshot.quotes = [
      { fingerprint: 'fp-1', sourceKnownToEditors: 1, approverMayApprove: false },
      { fingerprint: 'fp-1', sourceKnownToEditors: 1, approverMayApprove: true },
      // Changed since approved, by an approver who has since lost the permission: changed wins.
      { fingerprint: 'fp-2', sourceKnownToEditors: 1, approverMayApprove: false },
      { fingerprint: 'fp-1', sourceKnownToEditors: 1, approverMayApprove: false },
      { fingerprint: 'fp-1', sourceKnownToEditors: 1, approverMayApprove: true },
    ];
    const expected = [
      { quoteIndex: 0, path: 'anonymousQuotes[0].approvalState', reason: 'pending' },
      { quoteIndex: 1, path: 'anonymousQuotes[1].approvalState', reason: 'rejected' },
      { quoteIndex: 2, path: 'anonymousQuotes[2].approvalState', reason: 'voided' },
      {
        quoteIndex: 3,
        path: 'anonymousQuotes[3].approvalState',
        reason: 'approver-lost-permission',
      },
    ];
    for (const R6 of ['error', 'warning', 'off'] as const) {
      const result = evaluateRules(snapshot, { ...options.rules, R6 }, options);
      expect(result.awaitingDecision).toEqual(expected);
      const reported = [...result.errors, ...result.warnings].filter((v) => v.code === 'R6');
      // R6 reports exactly the awaited quotes, on the same fields, unless it is off.
      expect(reported.map((v) => v.path)).toEqual(
        R6 === 'off' ? [] : expected.map(({ path }) => path)
      );
    }
  });

  it('R7 wants the information-not-opinion attestation', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.anonymousQuotes![0].informationNotOpinion = false;
    expect(fired('R7', snapshot)).toEqual([
      expect.objectContaining({ code: 'R7', path: 'anonymousQuotes[0].informationNotOpinion' }),
    ]);
  });

  it('R8 wants a byline on a story with anonymous quotes, and only then', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.bylines = [{ name: '  ' }];
    expect(fired('R8', snapshot)).toEqual([
      expect.objectContaining({ code: 'R8', path: 'bylines' }),
    ]);
    snapshot.draft.anonymousQuotes = [];
    expect(fired('R8', snapshot)).toEqual([]);
  });

  it('R9 refuses a silent change to a published story, unless corrected or declared', () => {
    const snapshot = goodSnapshot();
    snapshot.previous = {
      content: readerVisible({ ...snapshot.draft, title: 'The old headline' }),
      publishedAt: '2021-03-16T12:00:00.000Z',
    };
    expect(fired('R9', snapshot)).toEqual([
      expect.objectContaining({
        code: 'R9',
        path: 'title',
        message: expect.stringMatching(/\(Title\)/),
        messageId: 'R9.changed',
        values: { fields: 'title' },
      }),
    ]);
    expect(
      fired('R9', { ...snapshot, nonSubstantiveReason: 'Fixed a typo in the headline' })
    ).toEqual([]);
    expect(
      fired('R9', {
        ...snapshot,
        correctionsSincePublish: [
          {
            id: 1,
            documentId: 'c',
            storyDocumentId: 'story-1',
            kind: 'update',
            text: 'Updated.',
            issuedAt: '',
          },
        ],
      })
    ).toEqual([]);
  });

  it('R9 ignores row ids and unchanged content', () => {
    const snapshot = goodSnapshot();
    snapshot.previous = {
      content: readerVisible({
        ...snapshot.draft,
        id: 99,
        anonymousQuotes: [{ ...quote(), id: 42, approvalState: 'pending' }],
      }),
      publishedAt: '2021-03-16T12:00:00.000Z',
    };
    expect(fired('R9', snapshot)).toEqual([]);
  });

  it('R10 wants ICD 203 terms that agree with the recorded likelihood', () => {
    const vague = goodSnapshot();
    vague.draft.sourceDocuments[0].keyJudgments = [
      { text: 'Moscow possibly sought to denigrate a candidate.', confidence: 'moderate' },
    ];
    expect(fired('R10', vague)).toEqual([
      expect.objectContaining({
        code: 'R10',
        path: 'sourceDocuments[0].keyJudgments[0].text',
        message: expect.stringMatching(/“possibly” is not an ICD 203 likelihood term/),
      }),
    ]);

    const mismatch = goodSnapshot();
    mismatch.draft.sourceDocuments[0].keyJudgments = [
      { text: 'Moscow very unlikely sought it.', confidence: 'high', likelihood: 'likely' },
    ];
    expect(fired('R10', mismatch)[0]).toMatchObject({
      path: 'sourceDocuments[0].keyJudgments[0].likelihood',
      message: expect.stringMatching(
        /says “very unlikely” but its likelihood is recorded as “likely”/
      ),
    });
  });

  it('reports warning-level rules without blocking, and skips rules that are off', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.bylines = [];
    snapshot.draft.anonymousQuotes![0].informationNotOpinion = false;
    const result = evaluateRules(snapshot, { ...options.rules, R7: 'off', R8: 'warning' }, options);
    expect(result.ready).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['R8']);
  });

  it('uses the newsroom’s own phrase lists', () => {
    const snapshot = goodSnapshot();
    snapshot.draft.anonymousQuotes![0].attribution = 'a Pentagon insider';
    expect(
      RULES.R4(snapshot, { ...options, vagueAttributions: ['a pentagon insider'] })
    ).toHaveLength(1);
  });
});

describe('readerVisibleDiff', () => {
  it('gives each changed field as the text an editor reads, before and after', () => {
    const before = readerVisible({
      title: 'A title',
      dek: 'A dek',
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: 'The report shows it.' }] },
        {
          type: 'list',
          children: [{ type: 'list-item', children: [{ type: 'text', text: 'One point' }] }],
        },
      ],
      anonymousQuotes: [],
      citations: [],
    } as never);
    const draft = {
      title: 'A title',
      dek: 'A dek',
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: 'The report found it.' }] },
        {
          type: 'list',
          children: [{ type: 'list-item', children: [{ type: 'text', text: 'One point' }] }],
        },
      ],
      anonymousQuotes: [
        { quote: 'More soon.', attribution: 'an official', anonymityReason: 'Not authorized.' },
      ],
      citations: [],
    } as never;
    expect(readerVisibleDiff(draft, before)).toEqual([
      {
        field: 'body',
        before: 'The report shows it.\n\n• One point',
        after: 'The report found it.\n\n• One point',
      },
      {
        field: 'anonymousQuotes',
        before: '',
        after: '“More soon.”, an official (Not authorized.)',
      },
    ]);
  });
});
