import confidentialSource from './confidential-source';
import correction from './correction';
import sourceDocument from './source-document';
import story from './story';

export default {
  'confidential-source': confidentialSource,
  correction,
  'source-document': sourceDocument,
  story,
};
