import { keepAccessLogAppendOnly } from './append-only-access-log';
import { keepCorrectionsAppendOnly } from './append-only-corrections';
import { stampCorrectionIssuance } from './correction-issuance';
import { recordCorrectionsFeedChanges } from './corrections-feed-changes';
import { protectQuoteApprovals } from './protect-quote-approvals';
import { publishStory } from './publish-story';
import { purgeCaches } from './purge-caches';
import { queueTextExtraction } from './queue-text-extraction';
import { refreshPublicSnapshots } from './refresh-public-snapshots';
import { encryptConfidentialSources } from './encrypt-confidential-sources';
import { keepPublicationRecord } from './keep-publication-record';
import { screenInput } from './screen-input';
import { computeSourceDocumentHash } from './source-document-hash';
import { stampRevisions } from './stamp-revisions';
import { generateStorySlug } from './story-slug';
import { validateWrites } from './validate-writes';

/**
 * In the order they wrap each Document Service call (the first is outermost): data is completed
 * before it is validated, validated before it is encrypted, and a publish is decided last, on the
 * stored draft. Why each is where it is: test/api/document-middleware-order.test.ts.
 */
export default [
  // First: caps and NFC before any middleware reads stored documents or the repository writes.
  screenInput,
  // Refusals that need no data: a change to the permanent record is refused before any work.
  keepCorrectionsAppendOnly,
  keepAccessLogAppendOnly,
  // Server-kept values replace whatever the client sent, before validation reads the data.
  stampCorrectionIssuance,
  computeSourceDocumentHash,
  queueTextExtraction,
  generateStorySlug,
  protectQuoteApprovals,
  keepPublicationRecord,
  stampRevisions,
  validateWrites,
  // After validation, which checks what the editor typed; nothing before it sees ciphertext.
  encryptConfidentialSources,
  // A publish reads the stored draft, which every write above has shaped.
  publishStory,
  // Around the write that changes what readers see, so it reads what the change affects: the
  // snapshot is rewritten inside the transaction that the purge waits on.
  purgeCaches,
  refreshPublicSnapshots,
  // Last: records a change to the feeds only once the write it follows has succeeded.
  recordCorrectionsFeedChanges,
];
