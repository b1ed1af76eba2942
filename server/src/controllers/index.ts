import sourceDocument from './source-document';
import story from './story';

export default {
  'source-document': sourceDocument,
  story,
};
