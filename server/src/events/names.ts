/**
 * The plugin's webhook events, as a site subscribes to them in Settings → Webhooks (docs/webhooks.md).
 * Named as Strapi's own are, `<namespace>.<what happened>` (`entry.publish`, `media.create`,
 * `releases.publish`, `review-workflows.updateEntryStage`), in the plugin's namespace; the keys
 * are the webhook store's, spelled as core's `ENTRY_PUBLISH` and content-releases' `RELEASES_PUBLISH`.
 */
export const WEBHOOK_EVENTS = {
  INTELLIGENCE_STORIES_CORRECTION_ISSUED: 'intelligence-stories.correction.issued',
  INTELLIGENCE_STORIES_STORY_PUBLISHED: 'intelligence-stories.story.published',
  INTELLIGENCE_STORIES_APPROVAL_DECIDED: 'intelligence-stories.approval.decided',
  INTELLIGENCE_STORIES_TEXT_EXTRACTED: 'intelligence-stories.source-document.text-extracted',
} as const;

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS];
