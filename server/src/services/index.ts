import approvalQueue from './approval-queue';
import approvals from './approvals';
import approvers from './approvers';
import cachePurge from './cache-purge';
import changeLog from './change-log';
import confidentialSources from './confidential-sources';
import contentManagerLinks from './content-manager-links';
import correctionFeed from './correction-feed';
import corrections from './corrections';
import desk from './desk';
import documentText from './document-text';
import fileDigest from './file-digest';
import houseRules from './house-rules';
import inputLimits from './input-limits';
import locales from './locales';
import preview from './preview';
import publicApi from './public-api';
import publication from './publication';
import publicCorrectionSnapshot from './public-correction-snapshot';
import publicLinks from './public-links';
import publicSnapshot from './public-snapshot';
import publicStories from './public-stories';
import quotes from './quotes';
import readiness from './readiness';
import sourceAccessLog from './source-access-log';
import sourceEncryption from './source-encryption';
import sourceLibrary from './source-library';
import sourcePicker from './source-picker';
import revisions from './revisions';
import settings from './settings';
import stories from './stories';
import textExtraction from './text-extraction';
import webhookEvents from './webhook-events';
import writeValidation from './write-validation';

export default {
  'approval-queue': approvalQueue,
  approvals,
  approvers,
  'cache-purge': cachePurge,
  'change-log': changeLog,
  'confidential-sources': confidentialSources,
  'content-manager-links': contentManagerLinks,
  'correction-feed': correctionFeed,
  corrections,
  desk,
  'document-text': documentText,
  'file-digest': fileDigest,
  'house-rules': houseRules,
  'input-limits': inputLimits,
  locales,
  preview,
  'public-api': publicApi,
  publication,
  'public-correction-snapshot': publicCorrectionSnapshot,
  'public-links': publicLinks,
  'public-snapshot': publicSnapshot,
  'public-stories': publicStories,
  quotes,
  readiness,
  'source-access-log': sourceAccessLog,
  'source-encryption': sourceEncryption,
  'source-library': sourceLibrary,
  'source-picker': sourcePicker,
  revisions,
  settings,
  stories,
  'text-extraction': textExtraction,
  'webhook-events': webhookEvents,
  'write-validation': writeValidation,
};
