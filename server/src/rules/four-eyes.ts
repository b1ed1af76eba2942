import type { DecisionAbility } from '../../../shared/contracts/desk';

/**
 * Four eyes (NYT, Washington Post): whoever shaped the story last does not clear its sourcing.
 * One verdict for the decision routes, which refuse, and the queue, which says so before the
 * standards editor tries. Off with the `fourEyes` option.
 */
export const decisionAbility = (
  fourEyes: boolean,
  lastEditorId: number | null | undefined,
  userId: number
): DecisionAbility =>
  fourEyes && lastEditorId === userId
    ? { mayDecide: false, reason: 'edited-last' }
    : { mayDecide: true, reason: null };
