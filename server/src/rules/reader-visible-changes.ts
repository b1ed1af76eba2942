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

export type ReaderVisible = ReturnType<typeof readerVisible>;
export type ReaderVisibleField = keyof ReaderVisible;

/** The reader-visible fields in which `draft` differs from what was published, in a stable order. */
export const readerVisibleChanges = (draft: Story, before: ReaderVisible): ReaderVisibleField[] => {
  const after = readerVisible(draft);
  return (Object.keys(after) as ReaderVisibleField[]).filter(
    (field) => !isEqual(after[field], before[field])
  );
};

/** Identifies a draft's reader-visible content, so a declaration made for it covers nothing else. */
export const readerVisibleFingerprint = (story: Story) =>
  createHash('sha256')
    .update(JSON.stringify(readerVisible(story)))
    .digest('hex');
