import { CONFIDENTIAL_SOURCE_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';

/**
 * The one home of every cap on what a write may carry. Each list a client can send has one, set
 * far above what a newsroom writes (docs/content-model.md, "Input limits", gives the reasoning) and
 * low enough that a refused request costs milliseconds: 20,000 key judgments once held the
 * server for four minutes while Strapi wrote their component rows one by one.
 */
export const LIST_LIMITS = {
  [STORY_UID]: {
    bylines: 20,
    citations: 500,
    anonymousQuotes: 100,
    sourceDocuments: 100,
    // Top-level blocks of the rich-text body: paragraphs, headings, lists, quotes, images.
    body: 2000,
  },
  [SOURCE_DOCUMENT_UID]: {
    keyJudgments: 200,
  },
  [CONFIDENTIAL_SOURCE_UID]: {
    editorsWhoKnow: 50,
  },
} as const;

/**
 * Documents in one Content Manager bulk action (publish, unpublish, delete) on the plugin's types:
 * the list view selects within a page, and its largest page is 100. A bulk publish of stories
 * assesses every story before publishing any.
 */
export const BULK_SELECTION_DOCUMENTS = 100;

/** A to-one relation's connect, disconnect or set names one document at most. */
export const TO_ONE_RELATION_ITEMS = 1;

/** The story body as JSON: about 80,000 words of text with its block structure. */
export const BODY_MAX_CHARACTERS = 500_000;

/**
 * How deep a request body's JSON may nest. A story body's nested lists are the deepest legitimate
 * input (a dozen levels); Strapi's sanitizers recurse once per level and overflow the stack
 * somewhere past ten thousand.
 */
export const MAX_JSON_DEPTH = 64;
