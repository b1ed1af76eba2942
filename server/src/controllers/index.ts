import correction from './correction';
import settings from './settings';
import sourceDocument from './source-document';
import story from './story';
import storyCorrections from './story-corrections';
import storySourcing from './story-sourcing';

export default {
  correction,
  settings,
  'source-document': sourceDocument,
  story,
  'story-corrections': storyCorrections,
  'story-sourcing': storySourcing,
};
