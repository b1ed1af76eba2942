import corrections from './corrections';
import fileDigest from './file-digest';
import publicApi from './public-api';
import quotes from './quotes';
import stories from './stories';
import writeValidation from './write-validation';

export default {
  corrections,
  'file-digest': fileDigest,
  'public-api': publicApi,
  quotes,
  stories,
  'write-validation': writeValidation,
};
