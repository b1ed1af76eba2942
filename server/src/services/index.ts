import approvals from './approvals';
import changeLog from './change-log';
import corrections from './corrections';
import fileDigest from './file-digest';
import publicApi from './public-api';
import quotes from './quotes';
import readiness from './readiness';
import stories from './stories';
import writeValidation from './write-validation';

export default {
  approvals,
  'change-log': changeLog,
  corrections,
  'file-digest': fileDigest,
  'public-api': publicApi,
  quotes,
  readiness,
  stories,
  'write-validation': writeValidation,
};
