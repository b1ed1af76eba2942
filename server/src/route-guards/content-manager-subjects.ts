import type { Core } from '@strapi/strapi';

import { actionProvider } from '../strapi-internals/admin-permissions';
import { PUBLIC_CORRECTION_UID, PUBLIC_STORY_UID } from '../utils/plugin-id';
import { isRegisterUid } from './register-types';

/**
 * Strapi makes every content type a subject of the Content Manager's actions, hidden ones
 * included, and gives super admins every subject: a super admin could open a confidential source
 * in an editable form (ciphertext whose Save writes it back) and populate it from a story. The
 * register types are taken out of those actions before they are registered, so no role, the super
 * admin's included, can be granted them, and Strapi drops any such permission already stored.
 * So are the public snapshots (services/public-snapshot): written by the plugin only, an edit there
 * would change what readers see past every rule and record.
 */
export const keepRegisterOutOfContentManager = (strapi: Core.Strapi) => {
  actionProvider(strapi).hooks.willRegister.register(({ value }) => {
    if (value.pluginName === 'content-manager' && Array.isArray(value.subjects)) {
      value.subjects = value.subjects.filter(
        (subject) =>
          !isRegisterUid(subject) &&
          subject !== PUBLIC_STORY_UID &&
          subject !== PUBLIC_CORRECTION_UID
      );
    }
  });
};
