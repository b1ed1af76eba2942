import { Badge } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { forwardRef, useSyncExternalStore, type ElementType } from 'react';

import { PERMISSIONS } from '../../permissions';
import { approvalCount, subscribeToApprovalCount } from '../../utils/approval-count';

const noSubscription = () => () => {};
const APPROVE = PERMISSIONS.approveQuotes[0].action;

/** The count, for standards editors only (others' requests would be refused). */
const ApprovalCountBadge = () => {
  // Outside the admin's auth (a test, a preview) there is no one to count for.
  const mayApprove = useAuth(
    'ApprovalCountBadge',
    (state) => state.permissions.some(({ action }) => action === APPROVE),
    false
  );
  const count = useSyncExternalStore(
    mayApprove ? subscribeToApprovalCount : noSubscription,
    approvalCount
  );
  if (!mayApprove || !count) {
    return null;
  }
  return (
    <Badge
      position="absolute"
      top="-0.8rem"
      left="1.7rem"
      backgroundColor="primary600"
      textColor="neutral0"
      style={{ borderRadius: '2rem' }}
      data-testid="approval-count-badge"
    >
      {count}
    </Badge>
  );
};

/**
 * The plugin's menu icon with the number of quotes awaiting the signed-in standards editor's
 * decision beside it. Strapi 5's `notificationsCount` on a menu link is read once, when the menu
 * is built at sign-in, so it cannot follow the queue; the icon is the one element of the link the
 * plugin renders, and it carries the badge the way Strapi draws its own.
 */
export const withApprovalCount = (Icon: ElementType) => {
  // The menu passes the icon's props (size, fill, aria-hidden): they go to the icon untouched.
  const WithCount = forwardRef<SVGSVGElement, Record<string, unknown>>((props, ref) => (
    <>
      <Icon {...props} ref={ref} />
      <ApprovalCountBadge />
    </>
  ));
  WithCount.displayName = 'WithApprovalCount';
  return WithCount;
};
