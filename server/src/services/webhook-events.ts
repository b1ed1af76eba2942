import type { Core, Modules } from '@strapi/strapi';

import type { Decision } from '../../../shared/contracts/quotes';
import type { Readiness } from '../../../shared/contracts/rules';
import { emitAfterCommit } from '../events/emit';
import { gateResult } from '../events/gate';
import { WEBHOOK_EVENTS } from '../events/names';
import {
  approvalDecidedPayload,
  correctionIssuedPayload,
  storyPublishedPayload,
  textExtractedPayload,
} from '../events/payloads';
import { getService } from '../utils/get-service';
import { CORRECTION_UID } from '../utils/plugin-id';

const {
  INTELLIGENCE_STORIES_APPROVAL_DECIDED: APPROVAL_DECIDED,
  INTELLIGENCE_STORIES_CORRECTION_ISSUED: CORRECTION_ISSUED,
  INTELLIGENCE_STORIES_STORY_PUBLISHED: STORY_PUBLISHED,
  INTELLIGENCE_STORIES_TEXT_EXTRACTED: TEXT_EXTRACTED,
} = WEBHOOK_EVENTS;

type Locale = string | null | undefined;

const documentIdOf = (created: unknown) => {
  const documentId = (created as { documentId?: unknown } | null)?.documentId;
  return typeof documentId === 'string' ? documentId : null;
};

/**
 * The plugin's webhook events (docs/webhooks.md), called where each thing happens. Every method
 * returns at once and never throws: the event is sent once the write commits (events/emit), and a
 * failure to send it is logged without touching the editor's action.
 */
const webhookEvents = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Makes the events subscribable: Strapi's webhook store refuses event names it does not know. */
  register() {
    const store = strapi.get('webhookStore') as Modules.WebhookStore.WebhookStore;
    for (const [key, name] of Object.entries(WEBHOOK_EVENTS)) {
      store.addAllowedEvent(key, name);
    }
  },

  /**
   * One language version just published (services/publication), with the gate's assessment of
   * it: null when no rule was in force.
   */
  storyPublished(documentId: string, locale: Locale, assessment: { readiness: Readiness } | null) {
    const gate = gateResult(
      assessment?.readiness ?? null,
      getService('house-rules', { strapi }).levels()
    );
    emitAfterCommit(strapi, STORY_PUBLISHED, () =>
      storyPublishedPayload(strapi, documentId, locale, gate)
    );
  },

  /**
   * A correction just created (document-middlewares/correction-issuance), handed back unchanged.
   * A held one is not public yet: its event waits for the publish that releases it.
   */
  correctionIssued<T>(created: T, held: unknown): T {
    const documentId = documentIdOf(created);
    if (documentId && !held) {
      emitAfterCommit(strapi, CORRECTION_ISSUED, () => correctionIssuedPayload(strapi, documentId));
    }
    return created;
  },

  /** Called in a publish just before the story's held corrections go public (services/corrections). */
  async correctionsReleasing(storyDocumentId: string, locale?: Locale) {
    try {
      const held = (await strapi.db.query(CORRECTION_UID).findMany({
        select: ['documentId'],
        where: { storyDocumentId, held: true, ...(locale ? { storyLocale: locale } : {}) },
      })) as Array<{ documentId: string }>;
      for (const { documentId } of held) {
        emitAfterCommit(strapi, CORRECTION_ISSUED, () =>
          correctionIssuedPayload(strapi, documentId)
        );
      }
    } catch (error) {
      strapi.log.error(
        `intelligence-stories: the ${CORRECTION_ISSUED} events were not sent: ${(error as Error).message}`
      );
    }
  },

  /** A standards editor's decision on an anonymous quote (services/approvals). */
  approvalDecided(
    storyDocumentId: string,
    quoteIndex: number,
    decision: Decision,
    locale?: Locale
  ) {
    emitAfterCommit(strapi, APPROVAL_DECIDED, () =>
      approvalDecidedPayload(strapi, storyDocumentId, quoteIndex, decision, locale)
    );
  },

  /** A PDF's text read and written (services/text-extraction); nothing if the job was superseded. */
  textExtracted(job: { id: number; requestId?: string | null }) {
    emitAfterCommit(strapi, TEXT_EXTRACTED, () => textExtractedPayload(strapi, job));
  },
});

export default webhookEvents;
