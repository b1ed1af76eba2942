import confidentialSources from './confidential-sources';
import correction from './correction';
import desk from './desk';
import settings from './settings';
import sourceDocument from './source-document';
import story from './story';
import storyCorrections from './story-corrections';
import storySourcing from './story-sourcing';

export default {
  'confidential-sources': confidentialSources,
  correction,
  desk,
  settings,
  'source-document': sourceDocument,
  story,
  'story-corrections': storyCorrections,
  'story-sourcing': storySourcing,
};
