import confidentialSources from './confidential-sources';
import sourceDocument from './source-document';
import story from './story';
import storyCorrections from './story-corrections';
import storySourcing from './story-sourcing';

export default {
  'confidential-sources': confidentialSources,
  'source-document': sourceDocument,
  story,
  'story-corrections': storyCorrections,
  'story-sourcing': storySourcing,
};
