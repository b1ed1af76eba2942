export const PLUGIN_ID = 'strapi-plugin-intelligence-stories';
