import {
  CHANGE_LOG_UID,
  CONFIDENTIAL_SOURCE_UID,
  CORRECTION_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../utils/plugin-id';
import { changeLogEntryRules } from './change-log-entry';
import { confidentialSourceRules } from './confidential-source';
import { correctionRules } from './correction';
import { sourceDocumentRules } from './source-document';
import { storyRules } from './story';

/** The plugin's own rules per content type, on top of the limits declared in schema.json. */
export const typeRules = {
  [STORY_UID]: storyRules,
  [SOURCE_DOCUMENT_UID]: sourceDocumentRules,
  [CONFIDENTIAL_SOURCE_UID]: confidentialSourceRules,
  [CORRECTION_UID]: correctionRules,
  [CHANGE_LOG_UID]: changeLogEntryRules,
};

export type ValidatedUID = keyof typeof typeRules;

export const isValidatedUID = (uid: string): uid is ValidatedUID => uid in typeRules;
