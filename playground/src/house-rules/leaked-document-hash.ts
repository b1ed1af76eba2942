import type { Core } from '@strapi/strapi';

/**
 * The playground's example house rule (docs/rules.md, "House rules"): a newsroom's standards book
 * says no story rests on a leaked document unless the document's SHA-256 is on file, so that what
 * was published about can be matched, byte for byte, to what the newsroom holds.
 *
 * An app outside this repository types it with the package's export:
 * `import type { HouseRule } from 'strapi-plugin-intelligence-stories/strapi-server'`.
 */
type Snapshot = {
  draft: {
    sourceDocuments?: Array<{ title: string; classification: string; sha256?: string | null }>;
  };
};

export const leakedDocumentHash = {
  code: 'LEAK-HASH',
  title: {
    en: "A leaked document's hash is on file",
    fr: 'L’empreinte d’un document fuité est enregistrée',
  },
  description: {
    en: 'A story built on a leaked document needs the SHA-256 of the copy the newsroom holds.',
    fr: 'Un article fondé sur un document fuité exige l’empreinte SHA-256 de la copie détenue par la rédaction.',
  },
  fields: ['sourceDocuments'],
  check: ({ draft }: Snapshot) =>
    (draft.sourceDocuments ?? []).flatMap((document, index) =>
      document.classification === 'leaked' && !document.sha256?.trim()
        ? [
            {
              path: `sourceDocuments[${index}]`,
              message: `"${document.title}" is a leaked document: record its SHA-256 in the library before publishing a story on it.`,
            },
          ]
        : []
    ),
};

export const registerHouseRules = (strapi: Core.Strapi) => {
  strapi.plugin('intelligence-stories')?.service('house-rules').register(leakedDocumentHash);
};
