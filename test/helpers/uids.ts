import {
  ANONYMOUS_QUOTE_UID,
  CHANGE_LOG_UID,
  CONFIDENTIAL_SOURCE_UID,
  CORRECTION_UID,
  PUBLIC_CORRECTION_UID,
  PUBLIC_STORY_UID,
  SOURCE_ACCESS_LOG_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../../shared/contracts/uids';

export const UIDS = {
  story: STORY_UID,
  sourceDocument: SOURCE_DOCUMENT_UID,
  confidentialSource: CONFIDENTIAL_SOURCE_UID,
  correction: CORRECTION_UID,
  changeLog: CHANGE_LOG_UID,
  sourceAccessLog: SOURCE_ACCESS_LOG_UID,
  anonymousQuote: ANONYMOUS_QUOTE_UID,
  publicStory: PUBLIC_STORY_UID,
  publicCorrection: PUBLIC_CORRECTION_UID,
} as const;
