import type { Core } from '@strapi/strapi';

import type { WebhookEventName } from './names';

/**
 * Sends `event` to Strapi's event hub (whose webhook runner posts it to every webhook subscribed)
 * once the write it reports is committed: at the end of the transaction the caller is in, at once
 * when it is in none, and never when that transaction rolls back. The payload is built then, from
 * committed data; `build` answers null when there is nothing to report.
 *
 * Never throws and is never awaited by the editor's action: a payload that cannot be read, a
 * subscriber that throws or a webhook that fails is logged, and the action stands. (The runner
 * queues deliveries; its HTTP calls never hold up the hub.)
 */
export const emitAfterCommit = (
  strapi: Core.Strapi,
  event: WebhookEventName,
  build: () => Promise<object | null>
): void => {
  const logFailure = (error: unknown) =>
    strapi.log.error(
      `intelligence-stories: the ${event} event was not sent: ${(error as Error)?.message ?? error}`
    );
  const send = () => {
    void (async () => {
      const payload = await build();
      if (payload) {
        await strapi.eventHub.emit(event, payload);
      }
    })().catch(logFailure);
  };
  if (!strapi.db.inTransaction()) {
    send();
    return;
  }
  // Nested in the caller's transaction, this opens none: it only queues `send` on its commit, as
  // Strapi's own entry.* events do (@strapi/core document-service/events.js).
  strapi.db.transaction(async ({ onCommit }) => onCommit(send)).catch(logFailure);
};
