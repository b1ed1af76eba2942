import changeLogEntry from './change-log-entry';
import confidentialSource from './confidential-source';
import correction from './correction';
import publicCorrection from './public-correction';
import publicStory from './public-story';
import quoteDecision from './quote-decision';
import sourceAccessLogEntry from './source-access-log-entry';
import sourceDocument from './source-document';
import sourceDocumentText from './source-document-text';
import story from './story';

export default {
  'change-log-entry': changeLogEntry,
  'confidential-source': confidentialSource,
  correction,
  'public-correction': publicCorrection,
  'public-story': publicStory,
  'quote-decision': quoteDecision,
  'source-access-log-entry': sourceAccessLogEntry,
  'source-document': sourceDocument,
  'source-document-text': sourceDocumentText,
  story,
};
