import { STORY } from './odni-2021-interference';

/**
 * The worked example's French version, a translation of the English story (Strapi i18n: the same
 * document, locale `fr`). The fixture gives no French text: every French sentence here is
 * ILLUSTRATIVE, written for the playground, and listed as such in docs/playground.md. What a
 * translation must carry for the rules is real: each citation's original passage (what R11 checks
 * against the PDF) and the original quote its anonymous quote renders (whose approval it stands on).
 */

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

// ILLUSTRATIVE: the translator's slip the French version was first published with (its own "is it
// written"), and its fix.
const REPORT_SAYS_AS_FIRST_PUBLISHED =
  '« D’autres hauts responsables ont également participé aux efforts d’ingérence électorale de la Russie », est-il écrit le rapport de quinze pages publié par le Bureau du directeur du renseignement national.';
const REPORT_SAYS_AS_CORRECTED =
  '« D’autres hauts responsables ont également participé aux efforts d’ingérence électorale de la Russie », affirme le rapport de quinze pages publié par le Bureau du directeur du renseignement national.';

const body = (reportSays: string) => [
  paragraph(
    'ILLUSTRATIVE (traduction pour le terrain de jeu) : le président russe Vladimir Poutine a probablement dirigé des efforts pour tenter d’inverser le résultat de l’élection présidentielle américaine de novembre en faveur de Donald Trump, selon un rapport du renseignement américain publié mardi 16 mars.'
  ),
  paragraph(reportSays),
  paragraph(
    'Interrogé sur d’éventuelles sanctions contre la Russie, un représentant de l’administration Biden a rappelé que le président américain avait « clairement » indiqué que Washington pouvait agir face aux tentatives de déstabilisation de Moscou. « Il y en aura d’autres bientôt », a déclaré ce représentant sous couvert d’anonymat.'
  ),
];

export const STORY_FR = {
  title: 'Un rapport désigne une ingérence russe dans la présidentielle américaine de 2020',
  slug: 'un-rapport-designe-une-ingerence-russe-dans-la-presidentielle-americaine-de-2020',
  dek: 'ILLUSTRATIVE : selon un rapport du renseignement américain publié mardi, Vladimir Poutine a voulu que la Russie interfère dans l’élection présidentielle de novembre pour favoriser Donald Trump.',
  kind: STORY.kind,
  translatedFrom: 'en',
  bylines: [{ name: 'Rédaction', role: 'ILLUSTRATIVE byline' }],
  backstory:
    'ILLUSTRATIVE : traduction de l’article anglais, fondé sur l’évaluation déclassifiée de l’ODNI « Foreign Threats to the 2020 US Federal Elections » (ICA 2020-00078D).',
  body: body(REPORT_SAYS_AS_CORRECTED),
  // The French passage readers see, and the English one the PDF has (R11 checks that one).
  citations: STORY.citations.map((citation, index) => ({
    ...citation,
    passage: [
      'D’autres hauts responsables ont également participé aux efforts d’ingérence électorale de la Russie, notamment des responsables de la sécurité et du renseignement qui, selon notre évaluation, n’auraient pas agi sans au moins l’aval tacite de Poutine',
      'une campagne d’« influence clandestine à plusieurs niveaux » menée par l’Iran dans le but de réduire le soutien dont bénéficiait Donald Trump',
      'La Chine a recherché la stabilité dans sa relation avec les États-Unis et n’a vu dans aucune des deux issues possibles de l’élection un avantage suffisant pour risquer un retour de bâton si elle était prise sur le fait',
    ][index],
    originalPassage: citation.passage,
  })),
  anonymousQuote: {
    quote: 'Il y en aura d’autres bientôt.',
    originalQuote: STORY.anonymousQuote.quote,
    attribution: 'un représentant de l’administration Biden',
    anonymityReason:
      'ILLUSTRATIVE : le représentant n’était pas autorisé à évoquer d’éventuelles sanctions contre la Russie avant leur annonce.',
    howSourceKnows: STORY.anonymousQuote.howSourceKnows,
    informationNotOpinion: true,
  },
};

/** The French body as first published, with the translator's slip. */
export const bodyFrAsFirstPublished = () => body(REPORT_SAYS_AS_FIRST_PUBLISHED);

// ILLUSTRATIVE: the French version's own correction, of its own slip (the English has none).
export const CORRECTIONS_FR = [
  {
    kind: 'correction' as const,
    text: 'Une version antérieure de cette traduction introduisait la citation du rapport par les mots « est-il écrit le rapport », une erreur de traduction. La citation est désormais attribuée au rapport.',
  },
];
