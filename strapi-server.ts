// The plugin's server entry point, as Strapi knows a plugin by: `strapi-plugin build` bundles it
// into dist/server, which package.json's `./strapi-server` export points at.
export { default } from './server/src';

// The house-rule API's types (docs/rules.md, "House rules"), for an app or plugin registering one.
export type {
  HouseRule,
  HouseRuleFinding,
  HouseRuleInfo,
  HouseRuleLoader,
  LocalizedText,
} from './server/src/rules/house-rules';
export { defineHouseRule } from './server/src/rules/house-rules';
export type { DocumentText, RuleLevel, StorySnapshot, Violation } from './server/src/rules/types';

// The Content Manager preview's URL builder (docs/preview.md), for an app's config/admin.ts.
export type { PreviewUrlOptions, PreviewUrlParams } from './server/src/preview/url';
export { storyPreviewUrl } from './server/src/preview/url';
