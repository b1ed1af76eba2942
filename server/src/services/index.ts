import approvals from './approvals';
import changeLog from './change-log';
import confidentialSources from './confidential-sources';
import corrections from './corrections';
import fileDigest from './file-digest';
import publicApi from './public-api';
import quotes from './quotes';
import readiness from './readiness';
import sourceAccessLog from './source-access-log';
import sourceEncryption from './source-encryption';
import stories from './stories';
import writeValidation from './write-validation';

export default {
  approvals,
  'change-log': changeLog,
  'confidential-sources': confidentialSources,
  corrections,
  'file-digest': fileDigest,
  'public-api': publicApi,
  quotes,
  readiness,
  'source-access-log': sourceAccessLog,
  'source-encryption': sourceEncryption,
  stories,
  'write-validation': writeValidation,
};
