export const PLUGIN_ID = 'intelligence-stories';

export const COMPONENT_CATEGORY = PLUGIN_ID;

export const STORY_UID = `plugin::${PLUGIN_ID}.story` as const;
export const SOURCE_DOCUMENT_UID = `plugin::${PLUGIN_ID}.source-document` as const;
export const CONFIDENTIAL_SOURCE_UID = `plugin::${PLUGIN_ID}.confidential-source` as const;
export const CORRECTION_UID = `plugin::${PLUGIN_ID}.correction` as const;
