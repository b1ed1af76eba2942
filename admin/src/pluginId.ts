export const PLUGIN_ID = 'intelligence-stories';
