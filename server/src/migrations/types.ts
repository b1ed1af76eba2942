import type { Core } from '@strapi/strapi';

/**
 * A change to what stored rows mean, applied once to a database written by an earlier version.
 * `name` is its permanent identity in the record of migrations done: never rename a shipped one.
 * `up` must be idempotent (two instances booting together may both run it) and returns how many
 * rows it changed, for the log.
 */
export type Migration = {
  name: string;
  up(strapi: Core.Strapi): Promise<number>;
};
