import type { Core } from '@strapi/strapi';

import { actionId, ACTIONS } from '../permissions';
import type { DecisionFacts } from '../rules/awaited-decision';
import type { AnonymousQuote } from '../types/content-types';
import { getService } from '../utils/get-service';
import type { ApprovedQuote } from './quotes';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** The admin users among `userIds` who hold the approve permission now (super admins always do). */
const whoMayApprove = async (strapi: Core.Strapi, userIds: number[]): Promise<Set<number>> => {
  if (userIds.length === 0) {
    return new Set();
  }
  const users = (await strapi.db.query('admin::user').findMany({
    select: ['id'],
    where: { id: { $in: userIds }, isActive: true },
    populate: { roles: { select: ['id', 'code'] } },
  })) as Array<{ id: number; roles?: Array<{ id: number; code: string }> }>;
  const roleIds = [...new Set(users.flatMap(({ roles = [] }) => roles.map(({ id }) => id)))];
  const granted =
    roleIds.length > 0
      ? ((await strapi.db.query('admin::permission').findMany({
          select: ['id'],
          where: { action: actionId(ACTIONS.approveQuotes), role: { id: { $in: roleIds } } },
          populate: { role: { select: ['id'] } },
        })) as Array<{ role?: { id: number } | null }>)
      : [];
  const grantedRoles = new Set(granted.map(({ role }) => role?.id));
  return new Set(
    users
      .filter(({ roles = [] }) =>
        roles.some(({ id, code }) => code === SUPER_ADMIN_CODE || grantedRoles.has(id))
      )
      .map(({ id }) => id)
  );
};

/**
 * Who may decide on anonymous quotes now: what the rules (R6) ask of an approval already given,
 * and what the standards desk's queue is made of. Its own service, read by both the rules and the
 * decisions, so neither has to call the other.
 */
const approvers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * What each quote's recorded decision is checked against (see rules/awaited-decision): the
   * fingerprint of what it says now, and whether its approver still holds the approve permission
   * (deactivated and deleted accounts do not). Two queries for all the quotes, whatever their number.
   */
  async decisionFacts(
    quotes: Array<ApprovedQuote & Pick<AnonymousQuote, 'approvedBy'>>
  ): Promise<DecisionFacts[]> {
    const { fingerprint } = getService('quotes', { strapi });
    const approverIds = quotes.flatMap(({ approvedBy }) => (approvedBy ? [approvedBy.id] : []));
    const permitted = await whoMayApprove(strapi, [...new Set(approverIds)]);
    return quotes.map((quote) => ({
      fingerprint: fingerprint(quote),
      approverMayApprove: Boolean(quote.approvedBy && permitted.has(quote.approvedBy.id)),
    }));
  },
});

export default approvers;
