import type { Core } from '@strapi/strapi';

import { actionId, ACTIONS } from '../permissions';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/**
 * Who may decide on anonymous quotes now: what the rules (R6) ask of an approval already given,
 * and what the standards desk's queue is made of. Its own service, read by both the rules and the
 * decisions, so neither has to call the other.
 */
const approvers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Whether an admin user currently holds the approve permission (super admins always do). */
  async mayApprove(userId: number): Promise<boolean> {
    const user = await strapi.db
      .query('admin::user')
      .findOne({ where: { id: userId, isActive: true }, populate: ['roles'] });
    const roles: Array<{ id: number; code: string }> = user?.roles ?? [];
    if (roles.some((role) => role.code === SUPER_ADMIN_CODE)) {
      return true;
    }
    const granted = await strapi.db.query('admin::permission').count({
      where: {
        action: actionId(ACTIONS.approveQuotes),
        role: { id: { $in: roles.map((role) => role.id) } },
      },
    });
    return granted > 0;
  },
});

export default approvers;
