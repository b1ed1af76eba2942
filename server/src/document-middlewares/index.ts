import { keepAccessLogAppendOnly } from './append-only-access-log';
import { keepCorrectionsAppendOnly } from './append-only-corrections';
import { stampCorrectionIssuance } from './correction-issuance';
import { recordCorrectionsFeedChanges } from './corrections-feed-changes';
import { recordPublication } from './record-publication';
import { enforceSourcingRules } from './publish-gate';
import { protectQuoteApprovals } from './protect-quote-approvals';
import { queueTextExtraction } from './queue-text-extraction';
import { encryptConfidentialSources } from './encrypt-confidential-sources';
import { screenInput } from './screen-input';
import { computeSourceDocumentHash } from './source-document-hash';
import { stampRevisions } from './stamp-revisions';
import { generateStorySlug } from './story-slug';
import { validateWrites } from './validate-writes';

/** In the order they wrap each Document Service call: data is completed before it is validated. */
export default [
  // First: caps and NFC before any middleware reads stored documents or the repository writes.
  screenInput,
  keepCorrectionsAppendOnly,
  keepAccessLogAppendOnly,
  stampCorrectionIssuance,
  computeSourceDocumentHash,
  queueTextExtraction,
  generateStorySlug,
  protectQuoteApprovals,
  stampRevisions,
  validateWrites,
  // After validation, which checks what the editor typed; nothing before it sees ciphertext.
  encryptConfidentialSources,
  enforceSourcingRules,
  recordPublication,
  recordCorrectionsFeedChanges,
];
