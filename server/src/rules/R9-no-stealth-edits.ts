import { readerVisibleChanges } from './reader-visible-changes';
import type { Rule } from './types';

/**
 * R9 (NYT, BBC): a story's reader-visible text does not change silently once published.
 * Republishing it, even after unpublishing it, needs a correction or update issued since it was
 * last published for this very draft (bound to it when issued: one issued before a later edit does
 * not cover that edit), or a stated reason why the change is not substantive (kept in the change
 * log), bound the same way.
 */
export const noStealthEdits: Rule = ({
  draft,
  previous,
  correctionsSincePublish,
  nonSubstantiveReason,
}) => {
  if (!previous || correctionsSincePublish.length > 0 || nonSubstantiveReason) {
    return [];
  }
  const changed = readerVisibleChanges(draft, previous.content);
  if (changed.length === 0) {
    return [];
  }
  return [
    {
      code: 'R9',
      path: changed[0],
      message: `This story changed since it was last published (${changed.join(', ')}), and no correction or declaration was made for this version: issue a correction or update now that the draft is fixed, or declare the change non-substantive with a reason, before republishing.`,
    },
  ];
};
