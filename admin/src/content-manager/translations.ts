import {
  ATTESTATION_SENTENCE,
  contentManagerLabelId,
  fieldTexts,
} from '../../../shared/messages/content-manager-fields';
import { languageOf } from '../../../shared/messages/language';
import { getTranslation } from '../utils/getTranslation';

/**
 * The Content Manager's labels of the plugin's fields in `locale`, under the ids it looks them up
 * by (not the plugin's prefix: `content-manager.content-types.<uid>.<field>`), plus the
 * attestation checkbox's sentence under the plugin's prefix. Built from the shared catalogue, so
 * the stored English metadatas (server/src/content-manager-views) and the panel agree.
 */
export const contentManagerTranslations = (locale: string): Record<string, string> => {
  const language = languageOf(locale);
  return {
    ...Object.fromEntries(
      fieldTexts(language).map(({ kind, uid, field, label }) => [
        contentManagerLabelId(kind, uid, field),
        label,
      ])
    ),
    [getTranslation('attestation.sentence')]: ATTESTATION_SENTENCE[language],
    [getTranslation('customField.attestation.label')]:
      language === 'fr' ? 'Attestation (case à cocher)' : 'Attestation (checkbox)',
    [getTranslation('customField.attestation.description')]:
      language === 'fr'
        ? 'Une case à cocher avec la phrase qu’elle atteste'
        : 'A checkbox with the sentence it attests',
    [getTranslation('customField.slug.label')]:
      language === 'fr' ? 'Identifiant suivant le titre' : 'Slug following the title',
    [getTranslation('customField.slug.description')]:
      language === 'fr'
        ? 'Rempli à partir du titre pendant la saisie'
        : 'Filled from the title as it is typed',
    [getTranslation('slug.regenerate')]:
      language === 'fr' ? 'Régénérer à partir du titre' : 'Regenerate from the title',
  };
};
