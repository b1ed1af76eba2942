import { readerVisibleChanges } from './reader-visible-changes';
import type { Rule } from './types';

/**
 * R9 (NYT, BBC): a published story's reader-visible text does not change silently. Republishing
 * it needs a correction or update issued since it was last published, or a stated reason why the
 * change is not substantive (kept in the plugin's change log).
 */
export const noStealthEdits: Rule = ({
  draft,
  published,
  correctionsSincePublish,
  nonSubstantiveReason,
}) => {
  if (!published || correctionsSincePublish.length > 0 || nonSubstantiveReason) {
    return [];
  }
  const changed = readerVisibleChanges(draft, published);
  if (changed.length === 0) {
    return [];
  }
  return [
    {
      code: 'R9',
      path: changed[0],
      message: `This published story changed (${changed.join(', ')}): issue a correction or update, or declare the change non-substantive with a reason, before republishing.`,
    },
  ];
};
