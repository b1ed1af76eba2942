import type { Story } from '../types/content-types';

/**
 * The draft the publish gate assessed, kept for the middlewares that run after it within the same
 * Document Service call (they share its context object, and the gate's transaction), so a publish
 * reads the draft once. Weakly held: it goes with the call.
 */
const assessed = new WeakMap<object, Story>();

export const rememberAssessedDraft = (ctx: object, draft: Story) => {
  assessed.set(ctx, draft);
};

export const assessedDraft = (ctx: object): Story | undefined => assessed.get(ctx);
