import { IntlMessageFormat } from 'intl-messageformat';

import { labelPath } from '../../../shared/messages/field-labels';
import { LANGUAGES } from '../../../shared/messages/language';
import {
  formatRuleMessage,
  messageValues,
  RULE_MESSAGES,
  type RuleMessageId,
} from '../../../shared/messages/rule-messages';
import { VALIDATION_MESSAGES } from '../../../shared/messages/validation-messages';
import { sharedTranslations } from './shared-translations';

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();

describe('the messages the server and the panel share', () => {
  const catalogues = { ...RULE_MESSAGES, ...VALIDATION_MESSAGES };

  it.each(Object.keys(catalogues))('%s says the same things in English and French', (id) => {
    const { en, fr } = catalogues[id as keyof typeof catalogues];
    expect(placeholders(fr)).toEqual(placeholders(en));
  });

  it.each(Object.keys(RULE_MESSAGES) as RuleMessageId[])(
    '%s renders in react-intl as the server writes it',
    (id) => {
      const values = Object.fromEntries(
        placeholders(RULE_MESSAGES[id].en).map((name) => [name, `<${name}>`])
      );
      const path = 'anonymousQuotes[0].quote';
      for (const language of LANGUAGES) {
        // An ICU apostrophe before a placeholder would print the placeholder, not its value.
        const intl = new IntlMessageFormat(RULE_MESSAGES[id][language], language).format(
          messageValues(path, values, language)
        );
        expect(intl).toBe(formatRuleMessage(id, path, values, language));
        expect(intl).not.toMatch(/\{\w+\}/);
      }
    }
  );

  it('names a path by its labels, in each language', () => {
    expect(labelPath('anonymousQuotes[0].anonymityReason', 'en')).toEqual({
      entry: 'Quote 1',
      field: 'Reason for anonymity',
      full: 'Quote 1 › Reason for anonymity',
    });
    expect(labelPath(['citations', '2', 'page'], 'fr').full).toBe('Citation de document 3 › Page');
    expect(labelPath('sourceDocuments[0].keyJudgments[1].text', 'en').entry).toBe('Key judgment 2');
    expect(labelPath('bylines', 'fr')).toEqual({
      entry: null,
      field: 'Signatures',
      full: 'Signatures',
    });
    // A house rule's own field keeps its key.
    expect(labelPath('legalReview', 'en').full).toBe('legalReview');
  });

  it('gives the admin the labels and messages in its language, English for any other', () => {
    expect(sharedTranslations('fr')['field.anonymityReason']).toBe('Raison de l’anonymat');
    expect(sharedTranslations('fr-FR')['rule.R8.no-byline']).toMatch(
      /^Un article avec des citations/
    );
    expect(sharedTranslations('de')['field.dek']).toBe('Dek');
  });
});
