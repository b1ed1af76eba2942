import { fillTemplate, type Language, type Localized } from './language';

/**
 * The fields of a story and of its entries as editors read them, in the panel's languages: what a
 * rule's or a validation's message names instead of the field's key (`anonymityReason`).
 */
export const FIELD_LABELS: Record<string, Localized> = {
  // The story.
  title: { en: 'Title', fr: 'Titre' },
  slug: { en: 'Slug', fr: 'Identifiant d’URL' },
  dek: { en: 'Dek', fr: 'Chapô' },
  body: { en: 'Body', fr: 'Corps' },
  bylines: { en: 'Bylines', fr: 'Signatures' },
  dateline: { en: 'Dateline', fr: 'Lieu et date' },
  kind: { en: 'Kind', fr: 'Genre' },
  backstory: { en: 'Backstory', fr: 'Contexte' },
  translatedFrom: { en: 'Translated from', fr: 'Traduit de' },
  sourceDocuments: { en: 'Source documents', fr: 'Documents sources' },
  citations: { en: 'Citations', fr: 'Citations de documents' },
  anonymousQuotes: { en: 'Anonymous quotes', fr: 'Citations anonymes' },
  editorNotes: { en: 'Editor notes', fr: 'Notes de la rédaction' },
  // A byline.
  name: { en: 'Name', fr: 'Nom' },
  role: { en: 'Role', fr: 'Fonction' },
  // A citation of a source document.
  sourceDocument: { en: 'Source document', fr: 'Document source' },
  page: { en: 'Page', fr: 'Page' },
  passage: { en: 'Passage', fr: 'Passage' },
  originalPassage: { en: 'Original passage', fr: 'Passage original' },
  passageType: { en: 'Quote or paraphrase', fr: 'Citation ou paraphrase' },
  // An anonymous quote.
  quote: { en: 'Quote', fr: 'Citation' },
  originalQuote: { en: 'Original quote', fr: 'Citation originale' },
  attribution: { en: 'Attribution', fr: 'Attribution' },
  anonymityReason: { en: 'Reason for anonymity', fr: 'Raison de l’anonymat' },
  howSourceKnows: { en: 'How the source knows', fr: 'Comment la source le sait' },
  informationNotOpinion: {
    en: 'Information, not opinion',
    fr: 'Information, pas opinion',
  },
  confidentialSource: { en: 'Confidential source', fr: 'Source confidentielle' },
  // A source document and its key judgments.
  issuer: { en: 'Issuer', fr: 'Émetteur' },
  documentNumber: { en: 'Document number', fr: 'Numéro du document' },
  documentDate: { en: 'Document date', fr: 'Date du document' },
  releaseDate: { en: 'Release date', fr: 'Date de publication' },
  pageCount: { en: 'Page count', fr: 'Nombre de pages' },
  classification: { en: 'Classification', fr: 'Classification' },
  officialUrl: { en: 'Official URL', fr: 'URL officielle' },
  file: { en: 'PDF', fr: 'PDF' },
  summary: { en: 'Summary', fr: 'Résumé' },
  keyJudgments: { en: 'Key judgments', fr: 'Jugements clés' },
  text: { en: 'Text', fr: 'Texte' },
  confidence: { en: 'Confidence', fr: 'Niveau de confiance' },
  likelihood: { en: 'Likelihood', fr: 'Probabilité' },
  minorityView: { en: 'Minority view', fr: 'Avis minoritaire' },
  // A confidential source (the register).
  alias: { en: 'Alias', fr: 'Pseudonyme' },
  identity: { en: 'Identity', fr: 'Identité' },
  affiliation: { en: 'Affiliation', fr: 'Appartenance' },
  contact: { en: 'Contact', fr: 'Contact' },
  verificationNotes: { en: 'Verification notes', fr: 'Notes de vérification' },
  editorsWhoKnow: {
    en: 'Editors who know the source',
    fr: 'Responsables qui connaissent la source',
  },
  // Why a change needs no correction (R9's declaration) or an override.
  reason: { en: 'Reason', fr: 'Raison' },
  // The publisher's settings.
  publisherName: { en: 'Publisher name', fr: 'Nom de l’éditeur' },
  publisherUrl: { en: 'Publisher website', fr: 'Site de l’éditeur' },
  publisherLogoUrl: { en: 'Publisher logo URL', fr: 'URL du logo de l’éditeur' },
  correctionsPolicyUrl: {
    en: 'Corrections policy URL',
    fr: 'URL de la politique de rectification',
  },
  unnamedSourcesPolicyUrl: {
    en: 'Anonymous sources policy URL',
    fr: 'URL de la politique sur les sources anonymes',
  },
  storyUrlTemplate: { en: 'Story URL template', fr: 'Modèle d’URL des articles' },
  comment: { en: 'Comment', fr: 'Commentaire' },
  // A correction.
  storyDocumentId: { en: 'Story', fr: 'Article' },
  issuedAt: { en: 'Issued at', fr: 'Publié le' },
  lateReason: { en: 'Why it is late', fr: 'Raison du retard' },
  supersedes: { en: 'Supersedes', fr: 'Remplace' },
  carriedFrom: { en: 'Carried over from', fr: 'Repris de' },
  storyLocale: { en: 'Story language', fr: 'Langue de l’article' },
};

/** An entry of a repeatable field, by its number from 1. */
export const ENTRY_LABELS: Record<string, Localized> = {
  anonymousQuotes: { en: 'Quote {number}', fr: 'Citation anonyme {number}' },
  citations: { en: 'Citation {number}', fr: 'Citation de document {number}' },
  bylines: { en: 'Byline {number}', fr: 'Signature {number}' },
  keyJudgments: { en: 'Key judgment {number}', fr: 'Jugement clé {number}' },
  sourceDocuments: { en: 'Source document {number}', fr: 'Document source {number}' },
};

export type LabelledPath = {
  /** The entry the path is in, e.g. "Quote 1"; null for a top-level field. */
  entry: string | null;
  /** The field, e.g. "Reason for anonymity". */
  field: string;
  /** Both, as a heading: "Quote 1 › Reason for anonymity". */
  full: string;
};

/**
 * A path as the rules and validation report it (`anonymousQuotes[0].anonymityReason`, or as
 * segments) named by labels in `language`. An unknown key stays as it is: a house rule may name
 * a field of its own.
 */
export const labelPath = (path: string | string[], language: Language): LabelledPath => {
  const segments = (Array.isArray(path) ? path.join('.') : path)
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  const labelOf = (key: string) => FIELD_LABELS[key]?.[language] ?? key;
  const entries: string[] = [];
  let field = '';
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    if (/^\d+$/.test(segment)) {
      return;
    }
    if (next !== undefined && /^\d+$/.test(next) && ENTRY_LABELS[segment]) {
      entries.push(fillTemplate(ENTRY_LABELS[segment][language], { number: Number(next) + 1 }));
      return;
    }
    field = labelOf(segment);
  });
  // A path naming an entry as a whole (`anonymousQuotes[0]`) has no field of its own.
  const entry = entries.length > 0 ? entries[entries.length - 1] : null;
  const heading = [entries.join(' › '), field].filter(Boolean).join(' › ');
  return { entry, field: field || (entry ?? ''), full: heading };
};
