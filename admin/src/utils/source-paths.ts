import { CONFIDENTIAL_SOURCE_UID, PLUGIN_ID } from '../../../shared/contracts/uids';

/** Where the plugin's register shows a source (pages/App.tsx). */
export const registerPagePath = (documentId: string) =>
  `/plugins/${PLUGIN_ID}/register/${documentId}`;

export const REGISTER_PATH = `/plugins/${PLUGIN_ID}/register`;

/**
 * The Content Manager's own addresses of a confidential source, which it cannot open (the register
 * stays out of it, for every role): Strapi links there from a relation (a history version, a
 * relation opened "as a page"). The plugin routes them to the register (pages/SourceRedirectPage).
 */
export const SOURCE_CONTENT_MANAGER_PATHS = [
  `content-manager/collection-types/${CONFIDENTIAL_SOURCE_UID}`,
  `content-manager/collection-types/${CONFIDENTIAL_SOURCE_UID}/:documentId`,
];
