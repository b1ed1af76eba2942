import type { Core } from '@strapi/strapi';

import {
  bodyAsFirstPublished,
  CONFIDENTIAL_SOURCE,
  CORRECTIONS,
  SOURCE_DOCUMENT,
  STORY,
} from './odni-2021-interference';
import { bodyFrAsFirstPublished, CORRECTIONS_FR, STORY_FR } from './odni-2021-interference-fr';

const PLUGIN = 'intelligence-stories';
const UIDS = {
  story: `plugin::${PLUGIN}.story`,
  sourceDocument: `plugin::${PLUGIN}.source-document`,
  confidentialSource: `plugin::${PLUGIN}.confidential-source`,
  correction: `plugin::${PLUGIN}.correction`,
} as const;

// What a site enables under Settings → Users & Permissions → Roles → Public for its readers.
const PUBLIC_READ_ACTIONS = [
  `plugin::${PLUGIN}.story.find`,
  `plugin::${PLUGIN}.story.findOne`,
  `plugin::${PLUGIN}.source-document.find`,
  `plugin::${PLUGIN}.source-document.findOne`,
  `plugin::${PLUGIN}.story.jsonld`,
  `plugin::${PLUGIN}.correction.find`,
  `plugin::${PLUGIN}.correction.rss`,
  `plugin::${PLUGIN}.correction.jsonFeed`,
];

// ILLUSTRATIVE: a made-up publisher on the reserved .example domain, so that the JSON-LD and the
// feeds show every field; a newsroom sets its own under the plugin's settings.
const PLAYGROUND_PUBLISHER = {
  publisherName: 'Playground News',
  publisherUrl: 'https://news.example',
  publisherLogoUrl: 'https://news.example/logo.png',
  correctionsPolicyUrl: 'https://news.example/standards/corrections',
  unnamedSourcesPolicyUrl: 'https://news.example/standards/anonymous-sources',
  storyUrlTemplate: 'https://news.example/stories/{slug}',
};

const grantPublicRead = async (strapi: Core.Strapi) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of PUBLIC_READ_ACTIONS) {
    if (!(await permissions.findOne({ where: { action, role: role.id } }))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
};

/**
 * The example's French version (Strapi i18n: the same document in locale `fr`, created here when
 * the app has no French locale yet): published with its translator's slip, then fixed, its own
 * correction issued and republished, as the English one. Its quote shares the English one's
 * confidential source and is approved on its own.
 */
const seedFrenchVersion = async (
  strapi: Core.Strapi,
  documentId: string,
  ids: { editorId: number; sourceDocumentId: string; confidentialSourceId: string }
) => {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode('fr'))) {
    await locales.create({ code: 'fr', name: 'French (fr)' });
  }
  const { anonymousQuote, citations, ...story } = STORY_FR;
  const stories = strapi.documents(UIDS.story);
  await stories.update({
    documentId,
    locale: 'fr',
    data: {
      ...story,
      body: bodyFrAsFirstPublished(),
      sourceDocuments: [ids.sourceDocumentId],
      citations: citations.map((citation) => ({
        ...citation,
        sourceDocument: ids.sourceDocumentId,
      })),
      anonymousQuotes: [{ ...anonymousQuote, confidentialSource: ids.confidentialSourceId }],
    },
  });
  await strapi.plugin(PLUGIN).service('approvals').decide(documentId, 0, 'approved', {
    userId: ids.editorId,
    comment: 'Example approval of the French translation by the playground demo editor.',
    locale: 'fr',
  });
  await stories.publish({ documentId, locale: 'fr' });

  await stories.update({ documentId, locale: 'fr', data: { body: story.body } });
  for (const correction of CORRECTIONS_FR) {
    await strapi.documents(UIDS.correction).create({
      data: {
        ...correction,
        storyDocumentId: documentId,
        storyLocale: 'fr',
        // The translator's own slip: not offered to the English editors to carry over.
        translationOnly: true,
        issuedAt: new Date().toISOString(),
        issuedBy: { id: ids.editorId },
      },
    });
  }
  await stories.publish({ documentId, locale: 'fr' });
};

/**
 * Loads the worked example (story, source document, confidential source, two corrections) and
 * opens the plugin's read routes to the Public role. Does nothing if the story is already there.
 */
export const seedExampleStory = async (strapi: Core.Strapi): Promise<'created' | 'exists'> => {
  if (await strapi.documents(UIDS.story).findFirst({ filters: { slug: STORY.slug } })) {
    return 'exists';
  }

  // The first admin (the playground's demo editor) stands in for the standards editor who knows
  // the source and approves the quote: without one the story could not pass the publish gate.
  const editor = await strapi.db.query('admin::user').findOne({ orderBy: { id: 'asc' } });
  if (!editor) {
    throw new Error('The example story needs an admin user to approve its anonymous quote');
  }
  const editorRef = { id: editor.id };

  const source = await strapi.documents(UIDS.confidentialSource).create({
    data: { ...CONFIDENTIAL_SOURCE, editorsWhoKnow: [editorRef] },
  });

  const document = await strapi.documents(UIDS.sourceDocument).create({ data: SOURCE_DOCUMENT });
  await strapi.documents(UIDS.sourceDocument).publish({ documentId: document.documentId });

  const { anonymousQuote, citations, ...story } = STORY;

  // As a desk works: published with the fixture's two slips, then fixed in the draft, the
  // corrections issued for that fix (held until it is published) and the story republished, which
  // makes the fix and its corrections public together.
  const created = await strapi.documents(UIDS.story).create({
    data: {
      ...story,
      body: bodyAsFirstPublished(),
      sourceDocuments: [document.documentId],
      citations: citations.map((citation) => ({
        ...citation,
        sourceDocument: document.documentId,
      })),
      anonymousQuotes: [{ ...anonymousQuote, confidentialSource: source.documentId }],
    },
  });
  await strapi.plugin(PLUGIN).service('approvals').decide(created.documentId, 0, 'approved', {
    userId: editor.id,
    comment: 'Example approval by the playground demo editor.',
  });
  await strapi.documents(UIDS.story).publish({ documentId: created.documentId });

  await strapi.documents(UIDS.story).update({
    documentId: created.documentId,
    data: { body: story.body },
  });
  for (const correction of CORRECTIONS) {
    // The server stamps when (its clock) and what each explains (the draft as fixed).
    await strapi.documents(UIDS.correction).create({
      data: {
        ...correction,
        storyDocumentId: created.documentId,
        issuedAt: new Date().toISOString(),
        issuedBy: editorRef,
      },
    });
  }
  await strapi.documents(UIDS.story).publish({ documentId: created.documentId });

  await seedFrenchVersion(strapi, created.documentId, {
    editorId: editor.id,
    sourceDocumentId: document.documentId,
    confidentialSourceId: source.documentId,
  });

  const settings = strapi.plugin(PLUGIN).service('settings');
  if (!(await settings.get()).publisherName) {
    await settings.set(PLAYGROUND_PUBLISHER);
  }

  await grantPublicRead(strapi);
  return 'created';
};
