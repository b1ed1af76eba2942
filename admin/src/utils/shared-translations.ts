import { FIELD_LABELS } from '../../../shared/messages/field-labels';
import { languageOf } from '../../../shared/messages/language';
import { RULE_MESSAGES } from '../../../shared/messages/rule-messages';

/**
 * The texts the server writes too (the rules' messages, the fields' labels), kept once in
 * shared/messages and given to the admin's translations under `rule.*` and `field.*`, so an app
 * may override them like any other of the plugin's strings.
 */
export const sharedTranslations = (locale: string): Record<string, string> => {
  const language = languageOf(locale);
  return {
    ...Object.fromEntries(
      Object.entries(FIELD_LABELS).map(([key, label]) => [`field.${key}`, label[language]])
    ),
    ...Object.fromEntries(
      Object.entries(RULE_MESSAGES).map(([id, message]) => [`rule.${id}`, message[language]])
    ),
  };
};
