/**
 * The plugin's id and the uids of its types, as Strapi and the Content Manager's URLs spell them:
 * the server registers the types under these names and the admin panel links to them.
 */

export const PLUGIN_ID = 'intelligence-stories';

export const COMPONENT_CATEGORY = PLUGIN_ID;

export const STORY_UID = `plugin::${PLUGIN_ID}.story` as const;
export const SOURCE_DOCUMENT_UID = `plugin::${PLUGIN_ID}.source-document` as const;
export const CONFIDENTIAL_SOURCE_UID = `plugin::${PLUGIN_ID}.confidential-source` as const;
export const CORRECTION_UID = `plugin::${PLUGIN_ID}.correction` as const;
export const CHANGE_LOG_UID = `plugin::${PLUGIN_ID}.change-log-entry` as const;
export const ANONYMOUS_QUOTE_UID = `${COMPONENT_CATEGORY}.anonymous-quote` as const;
export const SOURCE_DOCUMENT_TEXT_UID = `plugin::${PLUGIN_ID}.source-document-text` as const;
export const SOURCE_ACCESS_LOG_UID = `plugin::${PLUGIN_ID}.source-access-log-entry` as const;
export const PUBLIC_STORY_UID = `plugin::${PLUGIN_ID}.public-story` as const;
export const PUBLIC_CORRECTION_UID = `plugin::${PLUGIN_ID}.public-correction` as const;
export const QUOTE_DECISION_UID = `plugin::${PLUGIN_ID}.quote-decision` as const;
