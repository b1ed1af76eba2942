import { errors } from '@strapi/utils';

/**
 * A write based on a version of a document that someone else has changed since. The admin routes
 * answer it with 409 Conflict (see middlewares/conflicts.ts); nothing was written.
 */
export class StaleRevisionError extends errors.ApplicationError {
  constructor(what: string, details: { documentId: string; revision: string | null }) {
    super(
      `${what} was changed by someone else since you loaded it: reload to see the latest version, then try again. Nothing was saved.`,
      details
    );
  }
}
