import { labelPath } from './field-labels';
import { fillTemplate, type Language, type Localized } from './language';

/**
 * What a refused write says, by the check that refused it: yup's tests on the input (`min`,
 * `not-blank`…) and the checks of the stored draft as a whole (services/write-validation).
 * `{field}` is the field's label with its entry ("Quote 1 › Reason for anonymity"); the other
 * placeholders are the check's parameters.
 */
export const VALIDATION_MESSAGES = {
  'string.min': {
    en: '{field}: write at least {min} characters.',
    fr: '{field} : écrivez au moins {min} caractères.',
  },
  'string.max': {
    en: '{field}: shorten it to {max} characters at most.',
    fr: '{field} : raccourcissez-le à {max} caractères au plus.',
  },
  'number.min': {
    en: '{field}: must be {min} or more.',
    fr: '{field} : doit valoir {min} ou plus.',
  },
  'number.max': {
    en: '{field}: must be {max} or less.',
    fr: '{field} : doit valoir {max} ou moins.',
  },
  integer: {
    en: '{field}: must be a whole number.',
    fr: '{field} : doit être un nombre entier.',
  },
  oneOf: {
    en: '{field}: choose one of {values}.',
    fr: '{field} : choisissez parmi {values}.',
  },
  'not-blank': {
    en: '{field}: cannot be only spaces or invisible characters; write the text or remove the entry.',
    fr: '{field} : ne peut pas contenir seulement des espaces ou des caractères invisibles ; écrivez le texte ou retirez l’entrée.',
  },
  'not-invisible': {
    en: '{field}: cannot be only spaces or invisible characters; write the text or leave it empty.',
    fr: '{field} : ne peut pas contenir seulement des espaces ou des caractères invisibles ; écrivez le texte ou laissez-le vide.',
  },
  'no-bidi-controls': {
    en: '{field}: contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069), which makes readers see the text in another order than it is stored; remove it.',
    fr: '{field} : contient un caractère de contrôle bidirectionnel (U+202A–U+202E, U+2066–U+2069), qui fait lire le texte dans un autre ordre que celui enregistré ; retirez-le.',
  },
  slug: {
    en: '{field}: use lowercase letters and digits joined by single hyphens, e.g. “report-points-to-russian-interference”.',
    fr: '{field} : utilisez des minuscules et des chiffres reliés par un seul tiret, par exemple « report-points-to-russian-interference ».',
  },
  'http-url': {
    en: '{field}: give a full http(s) address, e.g. https://www.dni.gov/…',
    fr: '{field} : donnez une adresse http(s) complète, par exemple https://www.dni.gov/…',
  },
  'story-url-template': {
    en: '{field}: give a full http(s) address containing {slug} or {documentId}, e.g. https://news.example/stories/{slug}',
    fr: '{field} : donnez une adresse http(s) complète contenant {slug} ou {documentId}, par exemple https://news.example/stories/{slug}',
  },
  'explain.reject': {
    en: '{field}: write at least {min} characters saying why the quote is rejected, so the desk can fix it.',
    fr: '{field} : écrivez au moins {min} caractères pour dire pourquoi la citation est refusée, afin que la rédaction puisse la corriger.',
  },
  'explain.declaration': {
    en: '{field}: write at least {min} characters saying why the change does not need a correction.',
    fr: '{field} : écrivez au moins {min} caractères pour dire pourquoi le changement ne demande pas de rectificatif.',
  },
  'explain.override': {
    en: '{field}: write at least {min} characters saying why this story may be published although the rule blocks it; it is kept in the change log.',
    fr: '{field} : écrivez au moins {min} caractères pour dire pourquoi cet article peut être publié malgré la règle qui le bloque ; la raison est conservée dans le journal des modifications.',
  },
  'page-missing': {
    en: '{field}: page {page} does not exist in “{document}”, which has {pageCount} pages.',
    fr: '{field} : la page {page} n’existe pas dans « {document} », qui compte {pageCount} pages.',
  },
  'slug-taken': {
    en: '{field}: “{slug}” is already used by another story; choose another.',
    fr: '{field} : « {slug} » est déjà utilisé par un autre article ; choisissez-en un autre.',
  },
  'release-before-document': {
    en: '{field}: cannot be earlier than the document date.',
    fr: '{field} : ne peut pas précéder la date du document.',
  },
  'judgment-page-beyond': {
    en: '{field}: page {page} is beyond the document’s {pageCount} pages.',
    fr: '{field} : la page {page} dépasse les {pageCount} pages du document.',
  },
  'translated-from-unknown': {
    en: '{field}: this story has no other version in “{locale}” to be translated from; name the locale of its original.',
    fr: '{field} : cet article n’a pas d’autre version en « {locale} » dont il serait traduit ; indiquez la langue de l’original.',
  },
  'carried-from-other': {
    en: '{field}: a correction carried over names a correction of this same story issued in another language.',
    fr: '{field} : un rectificatif repris désigne un rectificatif de ce même article publié dans une autre langue.',
  },
  'story-not-published': {
    en: '{field}: corrections are issued on published stories; this story is not published in this language.',
    fr: '{field} : les rectificatifs portent sur des articles publiés ; cet article n’est pas publié dans cette langue.',
  },
  'story-unknown': {
    en: '{field}: no story has the documentId “{documentId}”.',
    fr: '{field} : aucun article n’a le documentId « {documentId} ».',
  },
  late: {
    en: '{field}: this correction comes more than {days} days after the story was first published ({firstPublished}); say why it is late.',
    fr: '{field} : ce rectificatif arrive plus de {days} jours après la première publication de l’article ({firstPublished}) ; dites pourquoi il est tardif.',
  },
  'supersedes-other-story': {
    en: '{field}: a correction can only supersede a correction of the same story.',
    fr: '{field} : un rectificatif ne peut remplacer qu’un rectificatif du même article.',
  },
  several: {
    en: '{count} fields need attention: {all}',
    fr: '{count} champs sont à revoir : {all}',
  },
} satisfies Record<string, Localized>;

export type ValidationMessageId = keyof typeof VALIDATION_MESSAGES;

export const isValidationMessageId = (id: unknown): id is ValidationMessageId =>
  typeof id === 'string' && Object.prototype.hasOwnProperty.call(VALIDATION_MESSAGES, id);

/** A refused write's message for the field at `path`, in `language`. */
export const formatValidationMessage = (
  id: ValidationMessageId,
  path: string | string[],
  values: Record<string, string | number> = {},
  language: Language
) =>
  fillTemplate(VALIDATION_MESSAGES[id][language], {
    ...values,
    field: labelPath(path, language).full,
  });
