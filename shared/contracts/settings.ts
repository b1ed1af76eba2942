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
