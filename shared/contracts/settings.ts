/** GET /intelligence-stories/settings/rules: each rule's level, as config/plugins.ts sets it. */
export type RuleLevels = Record<
  'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11',
  'error' | 'warning' | 'off'
>;

/** GET and PUT /intelligence-stories/settings: what the JSON-LD and the feeds say of the publisher. */
export type PublisherSettings = {
  publisherName: string | null;
  publisherUrl: string | null;
  publisherLogoUrl: string | null;
  correctionsPolicyUrl: string | null;
  unnamedSourcesPolicyUrl: string | null;
  /** Where readers find a story, e.g. `https://news.example/stories/{slug}`. */
  storyUrlTemplate: string | null;
};
