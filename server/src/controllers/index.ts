import sourceDocument from './source-document';
import story from './story';
import storySourcing from './story-sourcing';

export default {
  'source-document': sourceDocument,
  story,
  'story-sourcing': storySourcing,
};
