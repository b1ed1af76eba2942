export const PLUGIN_ID = 'intelligence-stories';

export const STORY_UID = `plugin::${PLUGIN_ID}.story` as const;
