/**
 * The worked example from shared/fixtures/odni-2021-interference-story.txt, as content.
 *
 * Facts come only from the fixture and the product brief. Values they do not give are marked
 * ILLUSTRATIVE here and listed in docs/playground.md: page numbers, confidence levels, the byline, the
 * reason for anonymity and everything about the confidential source.
 */

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});
const heading = (text: string) => ({
  type: 'heading' as const,
  level: 2 as const,
  children: [{ type: 'text' as const, text }],
});

export const SOURCE_DOCUMENT = {
  title: 'Foreign Threats to the 2020 US Federal Elections',
  issuer: 'Office of the Director of National Intelligence (ODNI)',
  documentNumber: 'ICA 2020-00078D',
  documentDate: '2021-03-10',
  releaseDate: '2021-03-16',
  pageCount: 15,
  classification: 'declassified' as const,
  summary:
    'Declassified intelligence community assessment of foreign efforts to influence the November 2020 US federal elections, covering Russia, Iran and China.',
  keyJudgments: [
    {
      text: 'Other senior officials were also involved in Russia’s electoral interference efforts – including security and intelligence officials who, in our assessment, would not have acted without at least the tacit endorsement of Putin.',
      page: 4, // ILLUSTRATIVE
      confidence: 'high' as const, // ILLUSTRATIVE
    },
    {
      text: 'China has sought stability in its relationship with the United States and has seen neither of the two possible election outcomes represent a sufficient advantage that China risks backfire if caught in the act.',
      page: 8, // ILLUSTRATIVE
      confidence: 'moderate' as const, // ILLUSTRATIVE
    },
  ],
};

export const CONFIDENTIAL_SOURCE = {
  alias: 'ADMIN-REP-1',
  identity: 'ILLUSTRATIVE: not a real person. A representative of the Biden administration.',
  role: 'ILLUSTRATIVE: administration representative',
  affiliation: 'Biden administration',
  verificationNotes:
    'ILLUSTRATIVE: identity and position confirmed by the desk before publication.',
};

export const STORY = {
  title: 'Report points to Russian interference in 2020 US presidential election',
  slug: 'report-points-to-russian-interference-in-2020-us-presidential-election',
  dek: 'According to a US intelligence report released on Tuesday, Russian President Vladimir Putin asked for Russia to interfere in the November presidential election in the United States in order to promote Donald Trump’s victory.',
  kind: 'news' as const,
  bylines: [{ name: 'Staff reporter', role: 'ILLUSTRATIVE byline' }],
  backstory:
    'This story is based on the declassified ODNI assessment “Foreign Threats to the 2020 US Federal Elections” (ICA 2020-00078D), released on 16 March 2021, and on comments from a representative of the Biden administration who spoke on condition of anonymity.',
  body: [
    paragraph(
      'Russian President Vladimir Putin has likely led efforts to try to reverse the outcome of last November’s US presidential election in favor of Donald Trump, a US intelligence report released Tuesday (March 16th) shows.'
    ),
    paragraph(
      'The 15-page report, released by the Office of the Director of National Intelligence, supports long-standing accusations that some of Donald Trump’s lieutenants have played Russia’s game by amplifying accusations made by Ukrainian figures linked to Moscow against Joe Biden, then Democratic rival of the outgoing Republican president, ahead of the November ballot.'
    ),
    paragraph(
      'It includes new elements indicating that Vladimir Putin supervised or, at the very least, ordered interference in the US presidential election for the benefit of Donald Trump.'
    ),
    heading('“Dirt” the image of Joe Biden'),
    // Corrected: the published sentence split Joe Biden's name across two sentences.
    paragraph(
      'According to the document, Ukrainian figures backed by Moscow, such as parliamentarian Andrey Derkach, have recruited political figures in the United States – whose identities are not specified – with the aim that they “smear” the image of Joe Biden and his son Hunter Biden, targets of repeated corruption charges by Donald Trump.'
    ),
    paragraph(
      'Andrey Derkach, who met Donald Trump’s personal lawyer Rudy Giuliani in 2019, is considered by US intelligence services to be an individual whose movements have been tracked, if not guided, by Vladimir Putin.'
    ),
    paragraph(
      '“Other senior officials were also involved in Russia’s electoral interference efforts – including security and intelligence officials who, in our assessment, would not have acted without at least the tacit endorsement of Putin,” the report says.'
    ),
    heading('Iranian attempt'),
    paragraph(
      'The American intelligence services indicate in the report published Tuesday that they also found traces of other foreign attempts to tilt the American vote last year, including a campaign of “covert influence at several levels” led by Iran in the goal of reducing the support enjoyed by Donald Trump.'
    ),
    // Corrected: "is it written" was a translation slip.
    paragraph(
      'Moreover, the document belies the alternative account proposed by allies of Donald Trump according to which China interfered in the November ballot for the benefit of Joe Biden. “China has sought stability in its relationship with the United States and has seen neither of the two possible election outcomes represent a sufficient advantage that China risks backfire if caught in the act,” the report says.'
    ),
    paragraph(
      'Asked about the possibility of upcoming sanctions against Russia, reported by CNN, a representative of the Biden administration said that the US president had “clearly” indicated in the past that Washington could take action in the face of attempts at destabilization by Moscow, noting US moves to respond to Russia’s alleged use of a chemical weapon against opponent Alexei Navalny. “There will be more soon,” the representative said, on condition of anonymity.'
    ),
  ],
  citations: [
    {
      passage:
        'Other senior officials were also involved in Russia’s electoral interference efforts – including security and intelligence officials who, in our assessment, would not have acted without at least the tacit endorsement of Putin',
      page: 4, // ILLUSTRATIVE
      passageType: 'quote' as const,
    },
    {
      passage:
        'a campaign of “covert influence at several levels” led by Iran in the goal of reducing the support enjoyed by Donald Trump',
      page: 5, // ILLUSTRATIVE
      passageType: 'paraphrase' as const,
    },
    {
      passage:
        'China has sought stability in its relationship with the United States and has seen neither of the two possible election outcomes represent a sufficient advantage that China risks backfire if caught in the act',
      page: 8, // ILLUSTRATIVE
      passageType: 'quote' as const,
    },
  ],
  anonymousQuote: {
    quote: 'There will be more soon.',
    attribution: 'a representative of the Biden administration',
    anonymityReason:
      'ILLUSTRATIVE: the representative was not authorized to discuss possible sanctions against Russia before they were announced.',
    howSourceKnows: 'ILLUSTRATIVE: works on the administration’s response to Russia.',
    informationNotOpinion: true,
  },
};

/**
 * The two paragraphs as the fixture printed them, before the corrections below: the seed publishes
 * the story with these first, then fixes the draft, issues the corrections and republishes, as a
 * desk does (the corrections go public with the fix).
 */
export const AS_FIRST_PUBLISHED: Record<string, string> = {
  'According to the document, Ukrainian figures backed by Moscow, such as parliamentarian Andrey Derkach, have recruited political figures in the United States – whose identities are not specified – with the aim that they “smear” the image of Joe Biden and his son Hunter Biden, targets of repeated corruption charges by Donald Trump.':
    'According to the document, Ukrainian figures backed by Moscow, such as parliamentarian Andrey Derkach, have recruited political figures in the United States – whose identities are not specified – with the aim that they “smear” Joe’s image. Biden and his son Hunter Biden, targets of repeated corruption charges by Donald Trump.',
  'Moreover, the document belies the alternative account proposed by allies of Donald Trump according to which China interfered in the November ballot for the benefit of Joe Biden. “China has sought stability in its relationship with the United States and has seen neither of the two possible election outcomes represent a sufficient advantage that China risks backfire if caught in the act,” the report says.':
    'Moreover, the document belies the alternative account proposed by allies of Donald Trump according to which China interfered in the November ballot for the benefit of Joe Biden. “China has sought stability in its relationship with the United States and has seen neither of the two possible election outcomes represent a sufficient advantage that China risks backfire if caught in the act,” is it written.',
};

/** The story's body as first published: the corrected paragraphs in their fixture wording. */
export const bodyAsFirstPublished = () =>
  STORY.body.map((block) =>
    block.type === 'paragraph' && AS_FIRST_PUBLISHED[block.children[0].text]
      ? paragraph(AS_FIRST_PUBLISHED[block.children[0].text])
      : block
  );

export const CORRECTIONS = [
  {
    kind: 'correction' as const,
    text: 'An earlier version of this story garbled a sentence on the report’s findings, splitting Joe Biden’s name across two sentences. The report says Moscow-backed Ukrainian figures sought to have political figures in the United States “smear” the image of Joe Biden and his son Hunter Biden. The sentence has been corrected.',
  },
  {
    kind: 'correction' as const,
    text: 'An earlier version of this story introduced the report’s assessment of China with the words “is it written”, a translation error. The quotation is now attributed to the report.',
  },
];
