import { useAuth } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import { PERMISSIONS } from '../permissions';

const CHECKS = {
  canRead: PERMISSIONS.readSourcing,
  canManage: PERMISSIONS.manageSourcing,
  canApprove: PERMISSIONS.approveQuotes,
  canRevealSources: PERMISSIONS.revealSources,
  canManageSources: PERMISSIONS.manageSources,
  canIssue: PERMISSIONS.issueCorrections,
  canReadSettings: PERMISSIONS.readSettings,
  canUpdateSettings: PERMISSIONS.updateSettings,
};

type Allowed = Record<keyof typeof CHECKS, boolean>;

const ALL = Object.values(CHECKS).flat();
const NONE = Object.fromEntries(Object.keys(CHECKS).map((name) => [name, false])) as Allowed;

/**
 * What the signed-in user may do with the plugin: the UI hides what the server would refuse.
 * Strapi's useRBAC names each result after the last part of the action only (`…sourcing.read`,
 * `…settings.read` and `…confidential-sources.read` would all be `canRead`), so the granted
 * actions are asked for and matched here by their full ids.
 */
export const usePluginRBAC = () => {
  const isLoadingAuth = useAuth('usePluginRBAC', (state) => state.isLoading);
  const checkUserHasPermissions = useAuth(
    'usePluginRBAC',
    (state) => state.checkUserHasPermissions
  );
  const [allowed, setAllowed] = useState<Allowed | null>(null);

  useEffect(() => {
    let current = true;
    checkUserHasPermissions(ALL)
      .then((granted) => {
        const actions = new Set(granted.map(({ action }) => action));
        if (current) {
          setAllowed(
            Object.fromEntries(
              Object.entries(CHECKS).map(([name, needed]) => [
                name,
                needed.every(({ action }) => actions.has(action)),
              ])
            ) as Allowed
          );
        }
      })
      .catch(() => current && setAllowed(NONE));
    return () => {
      current = false;
    };
  }, [checkUserHasPermissions]);

  return { isLoading: isLoadingAuth || allowed === null, ...(allowed ?? NONE) };
};
