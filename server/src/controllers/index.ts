import confidentialSources from './confidential-sources';
import correction from './correction';
import desk from './desk';
import preview from './preview';
import settings from './settings';
import sourceDocument from './source-document';
import sourceDocumentText from './source-document-text';
import sourceLibrary from './source-library';
import story from './story';
import storyCorrections from './story-corrections';
import storySourcing from './story-sourcing';

export default {
  'confidential-sources': confidentialSources,
  correction,
  desk,
  preview,
  settings,
  'source-document': sourceDocument,
  'source-document-text': sourceDocumentText,
  'source-library': sourceLibrary,
  story,
  'story-corrections': storyCorrections,
  'story-sourcing': storySourcing,
};
