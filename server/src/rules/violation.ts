import {
  formatRuleMessage,
  type MessageValues,
  type RuleMessageId,
} from '../../../shared/messages/rule-messages';
import type { RuleCode, Violation } from './types';

/**
 * A rule's finding, its message kept by id and values (rendered in the admin's language by the
 * panel) and written out in English for API clients.
 */
export const violation = (
  code: RuleCode,
  path: string,
  messageId: RuleMessageId,
  values?: MessageValues,
  extra: Pick<Violation, 'advisory'> = {}
): Violation => ({
  code,
  path,
  message: formatRuleMessage(messageId, path, values, 'en'),
  messageId,
  ...(values ? { values } : {}),
  ...extra,
});
