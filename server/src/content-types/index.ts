import changeLogEntry from './change-log-entry';
import confidentialSource from './confidential-source';
import correction from './correction';
import sourceAccessLogEntry from './source-access-log-entry';
import sourceDocument from './source-document';
import story from './story';

export default {
  'change-log-entry': changeLogEntry,
  'confidential-source': confidentialSource,
  correction,
  'source-access-log-entry': sourceAccessLogEntry,
  'source-document': sourceDocument,
  story,
};
