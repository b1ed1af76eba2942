/**
 * The editorial rules' codes and levels, and their verdict on a story's draft: what the publish
 * gate enforces and the readiness checklist shows.
 */
import type { MessageValues, RuleMessageId } from '../messages/rule-messages';
import type { PassageType } from './citations';
import type { AwaitedQuote } from './desk';
import type { RuleOverride } from './stories';

export const RULE_CODES = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * A house rule's code, as an app registers it (docs/rules.md, "House rules"): capitals, digits and
 * hyphens, e.g. `LEAK-HASH`. `R` and a number are the plugin's own codes, kept for its rules.
 */
export const HOUSE_RULE_CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
export const isHouseRuleCode = (code: string) =>
  code.length <= 40 && HOUSE_RULE_CODE.test(code) && !/^R\d+$/.test(code);

/** Each rule's level in force: R1–R11's, and the registered house rules' by their code. */
export type RuleLevelMap = Record<RuleCode, RuleLevel> & Partial<Record<string, RuleLevel>>;

/** A built-in rule's code or a registered house rule's. */
export type AnyRuleCode = RuleCode | (string & {});

/** The rules no override may lift, whatever the config says: the approval and the change record. */
export const NOT_OVERRIDABLE: readonly RuleCode[] = ['R6', 'R9'];

/** A text an app gives in the panel's two languages. */
export type LocalizedText = { en: string; fr: string };

/** A registered house rule as the panel shows it (the settings' rule table, the checklist). */
export type HouseRuleInfo = {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  /** The story's fields it looks at, e.g. `sourceDocuments`. */
  fields: string[];
};

/** What a rule's failure does: blocks publishing, is only reported, or is not checked. */
export const RULE_LEVELS = ['error', 'warning', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export type Violation = {
  code: AnyRuleCode;
  /** Where in the story, e.g. `citations[0].page`. */
  path: string;
  /** In English, whole; the panel renders `messageId` with `values` in the admin's language. */
  message: string;
  /** R1–R11's message, in shared/messages/rule-messages; absent for a house rule's finding. */
  messageId?: RuleMessageId;
  /** What the message says of this story: a page, a document's title, a phrase. */
  values?: MessageValues;
  /** Reported as a warning whatever the rule's level: the rule could not decide (R11, no text yet). */
  advisory?: boolean;
  /** An error lifted for the next publish by an override (the readiness' `overrides` say whose). */
  overridden?: boolean;
  /** An error whose rule the config lets holders of this admin permission override. */
  overridableBy?: string;
};

/**
 * Where a cited passage stands against its document's PDF. `no-pdf`: the document has no PDF;
 * `pending` / `stale` / `failed`: its text is not (yet) readable (`stale`: pending for too long);
 * `no-text-on-page`: the cited page is an image without text; `found` / `found-elsewhere` /
 * `not-found`: where a quote is; `scored`: a paraphrase's similarity was measured.
 */
export const PASSAGE_CHECK_STATES = [
  'no-pdf',
  'pending',
  'stale',
  'failed',
  'no-text-on-page',
  'found',
  'found-elsewhere',
  'not-found',
  'scored',
  // A citation in a translation with no original-language passage to check against its PDF.
  'no-original',
] as const;
export type PassageCheckState = (typeof PASSAGE_CHECK_STATES)[number];

export type PassageCheck = {
  /** Index of the citation in the story, from 0. */
  citation: number;
  sourceDocument: string;
  passageType: PassageType;
  page: number;
  state: PassageCheckState;
  /** Whether the passage checked is the citation's original one (the story is a translation). */
  original?: boolean;
  /** Quotes: every page the quotation appears on. */
  foundOnPages?: number[];
  /** Paraphrases: the best-matching page and scores from 0 to 1 (see passages/similarity). */
  bestPage?: number | null;
  bestScore?: number;
  citedPageScore?: number;
};

/** The rules' verdict: errors block publishing, warnings are only reported. */
export type Readiness = {
  ready: boolean;
  errors: Violation[];
  warnings: Violation[];
  /**
   * The quotes awaiting a standards editor's decision, whatever R6's level: with R6 at 'warning'
   * or 'off' they still await one, only publishing no longer waits for it.
   */
  awaitingDecision: AwaitedQuote[];
  /** Where each cited passage was found in its document's PDF (R11); absent without any PDF. */
  passages?: PassageCheck[];
  /** The app's house rules that ran (not off), for their titles; absent when there are none. */
  houseRules?: HouseRuleInfo[];
  /** The overrides that the next publish of this draft will use up (see services/change-log). */
  overrides?: RuleOverride[];
  /**
   * The reader-visible fields (title, dek, body, anonymousQuotes, citations) in which the draft
   * differs from what readers last saw; absent for a story never published. While it is not
   * empty, a correction issued is held and goes public with the next publish.
   */
  changedSincePublish?: string[];
  /** The same changes as text, before and after, for the checklist's R9 entry. */
  changesSincePublish?: ReaderVisibleChange[];
};

/** A reader-visible field changed since the last publish, as the text an editor reads. */
export type ReaderVisibleChange = {
  field: 'title' | 'dek' | 'body' | 'anonymousQuotes' | 'citations';
  before: string;
  after: string;
};
