import { useRBAC } from '@strapi/strapi/admin';

import { PERMISSIONS } from '../permissions';

// A module constant: useRBAC re-checks whenever it is given a new object.
const CHECKS = {
  read: PERMISSIONS.readSourcing,
  manage: PERMISSIONS.manageSourcing,
  approve: PERMISSIONS.approveQuotes,
  revealSources: PERMISSIONS.revealSources,
  manageSources: PERMISSIONS.manageSources,
  issue: PERMISSIONS.issueCorrections,
  readSettings: PERMISSIONS.readSettings,
  updateSettings: PERMISSIONS.updateSettings,
};

/** What the signed-in user may do with the plugin: the UI hides what the server would refuse. */
export const usePluginRBAC = () => {
  const { allowedActions, isLoading } = useRBAC(CHECKS);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canManage: Boolean(allowedActions.canManage),
    canApprove: Boolean(allowedActions.canApprove),
    canRevealSources: Boolean(allowedActions.canRevealSources),
    canManageSources: Boolean(allowedActions.canManageSources),
    canIssue: Boolean(allowedActions.canIssue),
    canReadSettings: Boolean(allowedActions.canReadSettings),
    canUpdateSettings: Boolean(allowedActions.canUpdateSettings),
  };
};
