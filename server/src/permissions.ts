import { PLUGIN_ID } from './utils/plugin-id';

/**
 * The plugin's admin permission actions. Registered with Strapi's action provider, they appear
 * under Settings → Administration panel → Roles → Plugins → Intelligence stories, and each admin
 * route of the plugin checks one of them (as `plugin::intelligence-stories.<uid>`).
 */
export const ACTIONS = {
  readSourcing: 'sourcing.read',
  manageSourcing: 'sourcing.manage',
  approveQuotes: 'quotes.approve',
  readConfidentialSources: 'confidential-sources.read',
  manageConfidentialSources: 'confidential-sources.manage',
  issueCorrections: 'corrections.issue',
  overrideRules: 'rules.override',
  readSettings: 'settings.read',
  updateSettings: 'settings.update',
} as const;

export const actionId = (uid: (typeof ACTIONS)[keyof typeof ACTIONS]) =>
  `plugin::${PLUGIN_ID}.${uid}`;

export const ADMIN_ACTIONS = [
  {
    uid: ACTIONS.readSourcing,
    displayName: "Read stories' sourcing and readiness",
    subCategory: 'stories',
  },
  { uid: ACTIONS.manageSourcing, displayName: "Edit stories' sourcing", subCategory: 'stories' },
  {
    uid: ACTIONS.approveQuotes,
    displayName: 'Approve or reject anonymous quotes',
    subCategory: 'standards',
  },
  {
    uid: ACTIONS.readConfidentialSources,
    displayName: 'Reveal confidential sources',
    subCategory: 'confidential sources',
  },
  {
    uid: ACTIONS.manageConfidentialSources,
    displayName: 'Create and edit confidential sources',
    subCategory: 'confidential sources',
  },
  { uid: ACTIONS.issueCorrections, displayName: 'Issue corrections', subCategory: 'corrections' },
  {
    // Named per rule in the config's `overrides`: holding it alone lifts nothing.
    uid: ACTIONS.overrideRules,
    displayName: 'Override a publish rule for one publish (where the config names this permission)',
    subCategory: 'standards',
  },
  { uid: ACTIONS.readSettings, displayName: 'Read publisher settings', subCategory: 'settings' },
  {
    uid: ACTIONS.updateSettings,
    displayName: 'Edit publisher settings',
    subCategory: 'settings',
  },
].map((action) => ({ ...action, section: 'plugins' as const, pluginName: PLUGIN_ID }));
