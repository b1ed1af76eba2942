import {
  ANONYMOUS_QUOTE_UID,
  COMPONENT_CATEGORY,
  CORRECTION_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../contracts/uids';
import { FIELD_LABELS } from './field-labels';
import type { Language, Localized } from './language';

/**
 * How the Content Manager names and explains each field of the plugin's types and components, in
 * the panel's languages. One catalogue serves both ends: the server writes the English into the
 * Content Manager's stored configuration (its metadatas hold one language), and the admin panel
 * registers every language as translations the Content Manager looks up
 * (`content-manager.content-types.<uid>.<field>` for a type's field,
 * `content-manager.components.<uid>.<field>` for a component's) and swaps descriptions and
 * placeholders, which it does not look up, for the admin's language.
 * Labels are the rules' own (./field-labels), so a refusal names the field the editor sees.
 */
export type FieldText = {
  /** Defaults to the field's label in ./field-labels. */
  label?: Localized;
  description?: Localized;
  placeholder?: Localized;
};

export type ModelFields = {
  /** `content-types` for a content type's fields, `components` for a component's. */
  kind: 'content-types' | 'components';
  fields: Record<string, FieldText>;
};

const BYLINE_UID = `${COMPONENT_CATEGORY}.byline` as const;
const CITATION_UID = `${COMPONENT_CATEGORY}.document-citation` as const;
const KEY_JUDGMENT_UID = `${COMPONENT_CATEGORY}.key-judgment` as const;

/** The sentence the anonymous-quote checkbox attests, beside the checkbox. */
export const ATTESTATION_SENTENCE: Localized = {
  en: 'The source gives information, not opinion or an attack',
  fr: 'La source apporte une information, pas une opinion ni une attaque',
};

export const CONTENT_MANAGER_FIELDS: Record<string, ModelFields> = {
  [STORY_UID]: {
    kind: 'content-types',
    fields: {
      title: {
        description: {
          en: 'The headline readers see.',
          fr: 'Le titre que lisent les lecteurs.',
        },
        placeholder: {
          en: 'e.g. Intelligence agencies see rising risk of cyberattacks on ports',
          fr: 'ex. : Les services de renseignement voient monter le risque de cyberattaques contre les ports',
        },
      },
      slug: {
        description: {
          en: 'The story’s address on the site; filled from the title as you type it.',
          fr: 'L’adresse de l’article sur le site ; remplie à partir du titre pendant la saisie.',
        },
        placeholder: { en: 'filled-from-the-title', fr: 'rempli-a-partir-du-titre' },
      },
      dek: {
        description: {
          en: 'One or two sentences under the headline.',
          fr: 'Une ou deux phrases sous le titre.',
        },
        placeholder: {
          en: 'What the report says, and why it matters now',
          fr: 'Ce que dit le rapport, et pourquoi c’est important maintenant',
        },
      },
      body: {
        description: { en: 'The story’s text.', fr: 'Le texte de l’article.' },
      },
      bylines: {
        description: {
          en: 'Everyone credited on the story.',
          fr: 'Toutes les personnes créditées sur l’article.',
        },
      },
      dateline: {
        description: {
          en: 'Where and when the story was reported.',
          fr: 'Où et quand l’article a été rédigé.',
        },
        placeholder: { en: 'WASHINGTON, March 4', fr: 'PARIS, 4 mars' },
      },
      kind: {
        description: {
          en: 'News, analysis or explainer: readers see it beside the headline.',
          fr: 'Actualité, analyse ou décryptage : affiché à côté du titre.',
        },
      },
      backstory: {
        description: {
          en: 'How the story was reported, for readers (methods, sources, limits).',
          fr: 'Comment l’article a été réalisé, pour les lecteurs (méthode, sources, limites).',
        },
        placeholder: {
          en: 'We read the 40-page assessment and spoke with…',
          fr: 'Nous avons lu l’évaluation de 40 pages et interrogé…',
        },
      },
      translatedFrom: {
        description: {
          en: 'For a translation: the locale code of the version it was translated from (e.g. en). Leave empty on the original.',
          fr: 'Pour une traduction : le code de la langue de la version traduite (par ex. en). Laisser vide sur l’original.',
        },
      },
      sourceDocuments: {
        description: {
          en: 'The official reports the story is built on.',
          fr: 'Les rapports officiels sur lesquels repose l’article.',
        },
      },
      citations: {
        description: {
          en: 'Each passage the story quotes or paraphrases, with its page.',
          fr: 'Chaque passage cité ou paraphrasé, avec sa page.',
        },
      },
      anonymousQuotes: {
        description: {
          en: 'Quotes from sources granted anonymity; each needs a standards editor’s approval.',
          fr: 'Citations de sources anonymes ; chacune doit être approuvée par un responsable de la déontologie.',
        },
      },
      editorNotes: {
        description: {
          en: 'For the newsroom only; never published.',
          fr: 'Pour la rédaction seulement ; jamais publié.',
        },
      },
      // A column of the list view only.
      updatedAt: { label: { en: 'Last edited', fr: 'Dernière modification' } },
    },
  },
  [SOURCE_DOCUMENT_UID]: {
    kind: 'content-types',
    fields: {
      title: {
        label: { en: 'Title', fr: 'Titre' },
        description: {
          en: 'The report’s title as its issuer publishes it.',
          fr: 'Le titre du rapport tel que l’émetteur le publie.',
        },
        placeholder: {
          en: 'Annual Threat Assessment of the U.S. Intelligence Community',
          fr: 'Synthèse de la menace terroriste',
        },
      },
      issuer: {
        description: {
          en: 'The agency or body that issued the report.',
          fr: 'L’agence ou l’organisme qui a publié le rapport.',
        },
        placeholder: {
          en: 'Office of the Director of National Intelligence',
          fr: 'Secrétariat général de la défense et de la sécurité nationale',
        },
      },
      documentNumber: {
        description: {
          en: 'The issuer’s reference, if it has one.',
          fr: 'La référence de l’émetteur, s’il en donne une.',
        },
        placeholder: { en: 'ICA 2017-01D', fr: 'SGDSN-2024-01' },
      },
      documentDate: {
        description: { en: 'The date the report bears.', fr: 'La date que porte le rapport.' },
      },
      releaseDate: {
        description: {
          en: 'When the report was made public.',
          fr: 'La date à laquelle le rapport a été rendu public.',
        },
      },
      pageCount: {
        description: {
          en: 'Citations may not cite a page past this one.',
          fr: 'Aucune citation ne peut renvoyer au-delà de cette page.',
        },
      },
      classification: {
        description: {
          en: 'How the report came to be public.',
          fr: 'Comment le rapport est devenu public.',
        },
      },
      officialUrl: {
        description: {
          en: 'Where the issuer publishes the report.',
          fr: 'L’adresse où l’émetteur publie le rapport.',
        },
        placeholder: { en: 'https://www.dni.gov/…', fr: 'https://www.sgdsn.gouv.fr/…' },
      },
      file: {
        description: {
          en: 'The report’s PDF; its text is read to check quotes against it.',
          fr: 'Le PDF du rapport ; son texte sert à vérifier les citations.',
        },
      },
      sha256: {
        label: { en: 'SHA-256 fingerprint', fr: 'Empreinte SHA-256' },
        description: {
          en: 'Computed from the PDF when it is saved.',
          fr: 'Calculée à partir du PDF à l’enregistrement.',
        },
      },
      summary: {
        description: {
          en: 'What the report says, in a few sentences.',
          fr: 'Ce que dit le rapport, en quelques phrases.',
        },
      },
      keyJudgments: {
        description: {
          en: 'The report’s key judgments, with the analysts’ confidence.',
          fr: 'Les jugements clés du rapport, avec le niveau de confiance des analystes.',
        },
      },
    },
  },
  [CORRECTION_UID]: {
    kind: 'content-types',
    fields: {
      storyDocumentId: {
        description: {
          en: 'The story this correction is attached to.',
          fr: 'L’article auquel cette correction est rattachée.',
        },
      },
      kind: {
        description: {
          en: 'Correction, clarification, update, editor’s note or retraction.',
          fr: 'Correction, précision, mise à jour, note de la rédaction ou rétractation.',
        },
      },
      text: {
        description: {
          en: 'The note readers see under the story; it can never be edited or deleted.',
          fr: 'La note que voient les lecteurs sous l’article ; elle ne peut être ni modifiée ni supprimée.',
        },
        placeholder: {
          en: 'An earlier version of this story misstated…',
          fr: 'Une version précédente de cet article indiquait à tort…',
        },
      },
      issuedAt: {
        description: {
          en: 'When the correction was issued.',
          fr: 'Date de publication de la correction.',
        },
      },
      lateReason: {
        description: {
          en: 'Why the correction comes more than a day after the error was known.',
          fr: 'Pourquoi la correction arrive plus d’un jour après que l’erreur a été connue.',
        },
      },
      supersedes: {
        description: {
          en: 'The earlier correction this one replaces, if any.',
          fr: 'La correction antérieure que celle-ci remplace, le cas échéant.',
        },
      },
    },
  },
  [BYLINE_UID]: {
    kind: 'components',
    fields: {
      name: {
        placeholder: { en: 'Jane Doe', fr: 'Camille Martin' },
      },
      role: {
        description: { en: 'Shown after the name.', fr: 'Affichée après le nom.' },
        placeholder: { en: 'Staff writer', fr: 'Journaliste' },
      },
    },
  },
  [CITATION_UID]: {
    kind: 'components',
    fields: {
      sourceDocument: {
        description: {
          en: 'The report the passage comes from.',
          fr: 'Le rapport d’où vient le passage.',
        },
      },
      page: {
        description: {
          en: 'The page as the PDF numbers it.',
          fr: 'La page selon la numérotation du PDF.',
        },
      },
      passage: {
        description: {
          en: 'Copied from the report for a quote; the server checks it against the PDF.',
          fr: 'Copié du rapport pour une citation ; le serveur le compare au PDF.',
        },
      },
      originalPassage: {
        description: {
          en: 'In a translation: the passage as the report has it, in its own language; this is what the server checks against the PDF.',
          fr: 'Dans une traduction : le passage tel que le rapport le donne, dans sa langue ; c’est lui que le serveur compare au PDF.',
        },
      },
      passageType: {},
    },
  },
  [ANONYMOUS_QUOTE_UID]: {
    kind: 'components',
    fields: {
      quote: {
        placeholder: { en: 'The words as the source said them', fr: 'Les mots de la source' },
      },
      originalQuote: {
        description: {
          en: 'In a translation: the original quote, word for word, as approved in the version this one was translated from.',
          fr: 'Dans une traduction : la citation originale, mot pour mot, telle que validée dans la version dont celle-ci est traduite.',
        },
      },
      attribution: {
        description: {
          en: 'As specific as anonymity allows; readers see it.',
          fr: 'Aussi précise que l’anonymat le permet ; visible des lecteurs.',
        },
        placeholder: {
          en: 'a senior official who has read the assessment',
          fr: 'un haut responsable qui a lu l’évaluation',
        },
      },
      anonymityReason: {
        description: {
          en: 'Why the source is not named; readers see it.',
          fr: 'Pourquoi la source n’est pas nommée ; visible des lecteurs.',
        },
        placeholder: {
          en: 'not authorized to discuss the assessment publicly',
          fr: 'n’est pas autorisé à évoquer l’évaluation publiquement',
        },
      },
      howSourceKnows: {
        description: {
          en: 'For the standards editors only; never published.',
          fr: 'Pour les responsables de la déontologie seulement ; jamais publié.',
        },
      },
      informationNotOpinion: {
        label: { en: 'Attestation', fr: 'Attestation' },
        description: {
          en: 'Anonymity covers information, never opinion or attacks.',
          fr: 'L’anonymat couvre des informations, jamais des opinions ni des attaques.',
        },
      },
      confidentialSource: {
        description: {
          en: 'Who the source is, from the source register; never published.',
          fr: 'L’identité de la source, tirée du registre des sources ; jamais publiée.',
        },
      },
    },
  },
  [KEY_JUDGMENT_UID]: {
    kind: 'components',
    fields: {
      text: {
        description: { en: 'As the report words it.', fr: 'Tel que le rapport le formule.' },
      },
      page: {},
      confidence: {
        description: {
          en: 'The analysts’ confidence, as the report states it.',
          fr: 'Le niveau de confiance des analystes, tel que le rapport l’indique.',
        },
      },
      likelihood: {
        description: {
          en: 'ICD 203’s likelihood term, if the judgment uses one.',
          fr: 'Le terme de probabilité de l’ICD 203, si le jugement en emploie un.',
        },
      },
      minorityView: {
        description: {
          en: 'A dissenting agency’s view, if the report gives one.',
          fr: 'L’avis divergent d’une agence, si le rapport en mentionne un.',
        },
      },
    },
  },
};

/** A field's label in `language`: its own in this catalogue, or the rules' label for its key. */
export const labelOf = (uid: string, field: string, language: Language): string =>
  CONTENT_MANAGER_FIELDS[uid]?.fields[field]?.label?.[language] ??
  FIELD_LABELS[field]?.[language] ??
  field;

/** Every field the catalogue names, with its texts in `language`. */
export const fieldTexts = (language: Language) =>
  Object.entries(CONTENT_MANAGER_FIELDS).flatMap(([uid, { kind, fields }]) =>
    Object.entries(fields).map(([field, text]) => ({
      uid,
      kind,
      field,
      label: labelOf(uid, field, language),
      description: text.description?.[language] ?? '',
      placeholder: text.placeholder?.[language] ?? '',
    }))
  );

/** The translation id the Content Manager looks a field's label up by (its FormLayout, list). */
export const contentManagerLabelId = (kind: ModelFields['kind'], uid: string, field: string) =>
  `content-manager.${kind}.${uid}.${field}`;
