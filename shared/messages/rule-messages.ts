import { labelPath } from './field-labels';
import { fillTemplate, type Language, type Localized } from './language';

/**
 * What R1–R11 say, by message id, in the plugin's languages. `{entry}` is filled from the
 * violation's path ("Quote 1", "Citation 2"), `{fields}` from a list of field keys, by their
 * labels; every other placeholder is one of the violation's `values`. The server writes the
 * English into `message` (for API clients and logs) and the admin user's language into a refused
 * publish's error; the panel renders the id in the admin's language. Templates are ICU messages
 * for react-intl: quotes around a placeholder are typographic, since `'` escapes in ICU.
 */
export const RULE_MESSAGES = {
  'R1.no-source-document': {
    en: 'Link at least one source document: readers must be able to see which report the story is built on.',
    fr: 'Liez au moins un document source : les lecteurs doivent pouvoir voir sur quel rapport repose l’article.',
  },
  'R2.no-document': {
    en: '{entry}: choose the source document it cites.',
    fr: '{entry} : choisissez le document source qu’elle cite.',
  },
  'R2.no-page': {
    en: '{entry}: give the page of “{document}” it cites.',
    fr: '{entry} : indiquez la page de « {document} » qu’elle cite.',
  },
  'R2.page-count-mismatch': {
    en: '{entry}: “{document}” is recorded as {recorded} pages but its PDF has {pdfPages}; correct the document’s page count.',
    fr: '{entry} : « {document} » est enregistré avec {recorded} pages mais son PDF en a {pdfPages} ; corrigez le nombre de pages du document.',
  },
  'R2.page-missing': {
    en: '{entry}: page {page} does not exist in “{document}”, which has {pageCount} pages.',
    fr: '{entry} : la page {page} n’existe pas dans « {document} », qui compte {pageCount} pages.',
  },
  'R2.page-missing-in-pdf': {
    en: '{entry}: page {page} does not exist in “{document}”, which has {pageCount} pages in its PDF.',
    fr: '{entry} : la page {page} n’existe pas dans « {document} », dont le PDF compte {pageCount} pages.',
  },
  'R3.stock-phrase': {
    en: '{entry}: say why the source was granted anonymity; “{phrase}” alone does not explain it.',
    fr: '{entry} : dites pourquoi l’anonymat a été accordé à la source ; « {phrase} » ne l’explique pas à lui seul.',
  },
  'R3.no-reason': {
    en: '{entry}: say why the source was granted anonymity (for example, what they would risk if named).',
    fr: '{entry} : dites pourquoi l’anonymat a été accordé à la source (par exemple, ce qu’elle risquerait si elle était nommée).',
  },
  'R4.vague': {
    en: '{entry}: “{attribution}” does not tell readers who is speaking; describe the source’s position (e.g. “a representative of the Biden administration”).',
    fr: '{entry} : « {attribution} » ne dit pas aux lecteurs qui parle ; décrivez la position de la source (par exemple « un représentant de l’administration Biden »).',
  },
  'R4.missing': {
    en: '{entry}: say who is speaking (e.g. “a representative of the Biden administration”).',
    fr: '{entry} : dites qui parle (par exemple « un représentant de l’administration Biden »).',
  },
  'R5.no-source': {
    en: '{entry}: link the confidential source record of the person quoted.',
    fr: '{entry} : liez la fiche de source confidentielle de la personne citée.',
  },
  'R5.unknown-to-editors': {
    en: '{entry}: no editor is recorded as knowing who the source is; add one to the source record.',
    fr: '{entry} : aucun responsable n’est enregistré comme connaissant l’identité de la source ; ajoutez-en un à sa fiche.',
  },
  'R6.pending': {
    en: '{entry}: needs a standards editor’s approval before it can be published.',
    fr: '{entry} : doit être validée par un responsable de la déontologie avant publication.',
  },
  'R6.rejected': {
    en: '{entry} was rejected by a standards editor; it needs their approval before it can be published.',
    fr: '{entry} a été refusée par un responsable de la déontologie ; elle doit être validée avant publication.',
  },
  'R6.voided': {
    en: '{entry} was changed after it was approved; the approval no longer covers it and it needs approving again.',
    fr: '{entry} a été modifiée après sa validation ; la validation ne la couvre plus et elle doit être validée à nouveau.',
  },
  'R6.original-not-approved': {
    en: '{entry} is a translation: its original quote (the text in “Original quote”) must stand approved, with the same confidential source, in the version it was translated from; fill in “Original quote” with that text, or have the original approved first.',
    fr: '{entry} est une traduction : sa citation originale (le texte de « Citation originale ») doit être validée, avec la même source confidentielle, dans la version dont elle est traduite ; recopiez ce texte dans « Citation originale », ou faites d’abord valider l’originale.',
  },
  'R6.approver-lost-permission': {
    en: '{entry} was approved by someone who may not approve quotes; it needs approving again.',
    fr: '{entry} a été validée par une personne qui ne peut pas valider de citations ; elle doit être validée à nouveau.',
  },
  'R7.unconfirmed': {
    en: '{entry}: confirm the source gives information, not opinion; anonymous sources are not quoted for opinions or attacks.',
    fr: '{entry} : confirmez que la source donne une information, pas une opinion ; une source anonyme n’est pas citée pour une opinion ou une attaque.',
  },
  'R8.no-byline': {
    en: 'A story with anonymous quotes needs a byline: a named reporter stands behind its sourcing.',
    fr: 'Un article avec des citations anonymes doit être signé : un journaliste nommé répond de son sourçage.',
  },
  'R9.changed': {
    en: 'This story changed since it was last published ({fields}), and no correction or declaration was made for this version: issue a correction or update now that the draft is fixed, or declare the change non-substantive with a reason, before republishing.',
    fr: 'Cet article a changé depuis sa dernière publication ({fields}) et aucun rectificatif ni aucune déclaration n’a été fait pour cette version : publiez un rectificatif ou une mise à jour maintenant que le brouillon est corrigé, ou déclarez le changement non substantiel en donnant une raison, avant de republier.',
  },
  'R10.not-icd-term': {
    en: '{entry} of “{document}”: “{term}” is not an ICD 203 likelihood term; use almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely or almost certain.',
    fr: '{entry} de « {document} » : « {term} » n’est pas un terme de probabilité de l’ICD 203 ; employez almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely ou almost certain.',
  },
  'R10.disagrees': {
    en: '{entry} of “{document}”: the text says “{stated}” but its likelihood is recorded as “{recorded}”.',
    fr: '{entry} de « {document} » : le texte dit « {stated} » mais sa probabilité est enregistrée comme « {recorded} ».',
  },
  'R11.found-elsewhere': {
    en: '{entry}: this quote is not on page {page} of “{document}”; it is on page {pages}. Correct the page.',
    fr: '{entry} : cette citation n’est pas à la page {page} de « {document} » ; elle est à la page {pages}. Corrigez la page.',
  },
  'R11.found-elsewhere-pages': {
    en: '{entry}: this quote is not on page {page} of “{document}”; it is on pages {pages}. Correct the page.',
    fr: '{entry} : cette citation n’est pas à la page {page} de « {document} » ; elle est aux pages {pages}. Corrigez la page.',
  },
  'R11.not-found': {
    en: '{entry}: this quote does not appear anywhere in the PDF of “{document}”; check it word for word against the document.',
    fr: '{entry} : cette citation n’apparaît nulle part dans le PDF de « {document} » ; vérifiez-la mot pour mot dans le document.',
  },
  'R11.no-original': {
    en: '{entry}: this story is a translation, and a translated quote cannot be found in “{document}”; write the passage as the document has it in “Original passage”, which is what gets checked against its PDF.',
    fr: '{entry} : cet article est une traduction, et une citation traduite ne peut pas être retrouvée dans « {document} » ; écrivez le passage tel que le document le donne dans « Passage original », c’est lui qui est vérifié dans le PDF.',
  },
  'R11.no-pdf': {
    en: '{entry}: “{document}” has no PDF attached, so this quote cannot be checked against the document; attach the PDF to the source document, or check the quote by eye.',
    fr: '{entry} : « {document} » n’a pas de PDF joint, cette citation ne peut donc pas être vérifiée dans le document ; joignez le PDF au document source, ou vérifiez la citation à l’œil.',
  },
  'R11.no-text-on-page': {
    en: '{entry}: page {page} of “{document}” is a scanned image without text, so the passage cannot be checked automatically; check it by eye.',
    fr: '{entry} : la page {page} de « {document} » est une image numérisée sans texte, le passage ne peut donc pas être vérifié automatiquement ; vérifiez-le à l’œil.',
  },
  'R11.pending': {
    en: '{entry}: the PDF of “{document}” is still being read, so the passage cannot be checked yet; try again in a moment.',
    fr: '{entry} : le PDF de « {document} » est encore en cours de lecture, le passage ne peut donc pas encore être vérifié ; réessayez dans un instant.',
  },
  'R11.stale': {
    en: '{entry}: the PDF of “{document}” has been waiting to be read for a long time, so the passage cannot be checked; check it by eye, and ask an administrator to look at the server’s PDF reading.',
    fr: '{entry} : le PDF de « {document} » attend d’être lu depuis longtemps, le passage ne peut donc pas être vérifié ; vérifiez-le à l’œil et demandez à un administrateur de regarder la lecture des PDF sur le serveur.',
  },
  'R11.failed': {
    en: '{entry}: the PDF of “{document}” could not be read ({error}), so the passage cannot be checked against it; replace the file or check it by eye.',
    fr: '{entry} : le PDF de « {document} » n’a pas pu être lu ({error}), le passage ne peut donc pas y être vérifié ; remplacez le fichier ou vérifiez-le à l’œil.',
  },
  'R11.paraphrase-elsewhere': {
    en: '{entry} paraphrases page {page} of “{document}”, but its words best match page {bestPage} ({best}% of them there, {cited}% on page {page}); check the page.',
    fr: '{entry} paraphrase la page {page} de « {document} », mais ses mots correspondent mieux à la page {bestPage} ({best} % d’entre eux, {cited} % à la page {page}) ; vérifiez la page.',
  },
  'house.broken': {
    en: 'The house rule {rule} could not check this story: {error}',
    fr: 'La règle maison {rule} n’a pas pu vérifier cet article : {error}',
  },
} satisfies Record<string, Localized>;

export type RuleMessageId = keyof typeof RULE_MESSAGES;
export type MessageValues = Record<string, string | number>;

export const isRuleMessageId = (id: unknown): id is RuleMessageId =>
  typeof id === 'string' && Object.prototype.hasOwnProperty.call(RULE_MESSAGES, id);

/**
 * The values a rule's template is filled with in `language`: the violation's own, the entry its
 * path names, and `fields` (a comma-separated list of field keys) by their labels.
 */
export const messageValues = (
  path: string,
  values: MessageValues = {},
  language: Language
): MessageValues => ({
  ...values,
  entry: labelPath(path, language).entry ?? '',
  ...(typeof values.fields === 'string'
    ? {
        fields: values.fields
          .split(',')
          .map((key) => labelPath(key.trim(), language).field)
          .join(', '),
      }
    : {}),
});

/** A rule's message in `language`, as the server writes it. */
export const formatRuleMessage = (
  id: RuleMessageId,
  path: string,
  values: MessageValues | undefined,
  language: Language
) => fillTemplate(RULE_MESSAGES[id][language], messageValues(path, values, language));
