import { PLUGIN_ID } from './pluginId';

const action = (uid: string) => ({ action: `plugin::${PLUGIN_ID}.${uid}`, subject: null });

/** The plugin's admin actions, as the server registers them (server/src/permissions.ts). */
export const PERMISSIONS = {
  readSourcing: [action('sourcing.read')],
  manageSourcing: [action('sourcing.manage')],
  approveQuotes: [action('quotes.approve')],
  revealSources: [action('confidential-sources.read')],
  manageSources: [action('confidential-sources.manage')],
  issueCorrections: [action('corrections.issue')],
  readSettings: [action('settings.read')],
  updateSettings: [action('settings.update')],
  /** Any of them opens the plugin's pages. */
  main: [action('sourcing.read'), action('quotes.approve'), action('corrections.issue')],
};
