import type { Core } from '@strapi/strapi';

type ActionAttributes = Record<string, unknown>;
type Action = { pluginName?: string; subjects?: string[] };

/**
 * Strapi internal (checked against @strapi/admin 5.54.0): the admin's permission action
 * provider, `strapi.service('admin::permission').actionProvider`. `registerMany` is how plugins
 * register their RBAC actions (documented); `hooks.willRegister`, an async series hook called
 * with `{ value: action }` before each action is stored, is not documented: the plugin edits the
 * Content Manager's actions there (route-guards/content-manager-subjects.ts).
 */
export type ActionProvider = {
  registerMany(actions: ActionAttributes[]): Promise<unknown>;
  hooks: {
    willRegister: { register(handler: (context: { value: Action }) => void): unknown };
  };
};

export const actionProvider = (strapi: Core.Strapi) =>
  strapi.service('admin::permission').actionProvider as ActionProvider;
