import { createHash } from 'crypto';
import isEqual from 'lodash/isEqual';

import type { Story } from '../types/content-types';

/** What readers see of a story, without row ids (publish re-creates rows and components). */
export const readerVisible = (story: Story) => ({
  title: story.title ?? null,
  dek: story.dek ?? null,
  body: story.body ?? null,
  anonymousQuotes: (story.anonymousQuotes ?? []).map(({ quote, attribution, anonymityReason }) => ({
    quote,
    attribution,
    anonymityReason,
  })),
  citations: (story.citations ?? []).map(({ sourceDocument, page, passage, passageType }) => ({
    sourceDocument: sourceDocument?.documentId ?? null,
    page,
    passage,
    passageType,
  })),
});

/** What a Document Service read of a story needs for `readerVisible`, and no more. */
export const READER_VISIBLE_QUERY = {
  fields: ['title', 'dek', 'body'],
  populate: {
    anonymousQuotes: { fields: ['quote', 'attribution', 'anonymityReason'] },
    citations: {
      fields: ['page', 'passage', 'passageType'],
      populate: { sourceDocument: { fields: ['documentId'] } },
    },
  },
};

export type ReaderVisible = ReturnType<typeof readerVisible>;
export type ReaderVisibleField = keyof ReaderVisible;

/** The reader-visible fields in which `draft` differs from what was published, in a stable order. */
export const readerVisibleChanges = (draft: Story, before: ReaderVisible): ReaderVisibleField[] => {
  const after = readerVisible(draft);
  return (Object.keys(after) as ReaderVisibleField[]).filter(
    (field) => !isEqual(after[field], before[field])
  );
};

/**
 * Identifies a draft's reader-visible content, so a declaration or a correction made for it covers
 * nothing else.
 */
export const readerVisibleFingerprint = (story: Story) =>
  createHash('sha256')
    .update(JSON.stringify(readerVisible(story)))
    .digest('hex');

type Block = { type?: string; text?: string; children?: Block[] };

const textOf = (node: Block): string =>
  typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('');

/** A body in Strapi's blocks as plain text: a block a paragraph, a list item a line. */
const bodyText = (body: unknown) =>
  (Array.isArray(body) ? (body as Block[]) : [])
    .map((block) =>
      block.type === 'list'
        ? (block.children ?? []).map((item) => `• ${textOf(item)}`).join('\n')
        : textOf(block)
    )
    .join('\n\n');

/**
 * Reader-visible content as the text an editor reads, one field at a time: what the checklist
 * shows changed since the last publish (R9), a quote or citation a line.
 */
export const readerVisibleText = (content: ReaderVisible): Record<ReaderVisibleField, string> => ({
  title: content.title ?? '',
  dek: content.dek ?? '',
  body: bodyText(content.body),
  anonymousQuotes: content.anonymousQuotes
    .map(
      ({ quote, attribution, anonymityReason }) =>
        `“${quote ?? ''}”, ${attribution ?? ''} (${anonymityReason ?? ''})`
    )
    .join('\n'),
  citations: content.citations
    .map(
      ({ sourceDocument, page, passage, passageType }) =>
        `p. ${page ?? '?'}, ${passageType ?? ''}: ${passage ?? ''} [${sourceDocument ?? ''}]`
    )
    .join('\n'),
});

/** Each field the draft changed since `before`, with its text before and after. */
export const readerVisibleDiff = (draft: Story, before: ReaderVisible) => {
  const after = readerVisibleText(readerVisible(draft));
  const was = readerVisibleText(before);
  return readerVisibleChanges(draft, before).map((field) => ({
    field,
    before: was[field],
    after: after[field],
  }));
};
