import { readerVisibleChanges } from './reader-visible-changes';
import type { Rule } from './types';
import { violation } from './violation';

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
  return [violation('R9', changed[0], 'R9.changed', { fields: changed.join(', ') })];
};
