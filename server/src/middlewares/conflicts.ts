import type { Context, Next } from 'koa';

import { StaleRevisionError } from '../utils/stale-revision-error';

type ConflictContext = Context & { conflict(message: string, details?: unknown): void };

/**
 * Answers a stale write with 409 Conflict and Strapi's standard error body. Strapi maps its own
 * error classes to statuses and has none for 409, but gives every context `ctx.conflict`.
 */
export const answerConflicts = async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof StaleRevisionError) {
      (ctx as ConflictContext).conflict(error.message, error.details);
      return;
    }
    throw error;
  }
};
