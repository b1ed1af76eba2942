import type { Core, UID } from '@strapi/strapi';

import _ from 'lodash';

import { sourceDocumentContent, storyContent } from './content';
import type { PublishTimings } from './protocol';
import type { QueryCounter } from './server';

/**
 * What the publish gate and the public snapshot cost: the same stories published through the
 * Document Service (the path the Content Manager takes) with the rules at their defaults and the
 * snapshot written, and with every rule 'off' and no snapshot, in
 * alternating order in one process, so both sides see the same machine and the same database.
 */

const PLUGIN = 'intelligence-stories';
const CONFIG_KEY = `plugin::${PLUGIN}`;
const UIDS = {
  story: `plugin::${PLUGIN}.story`,
  document: `plugin::${PLUGIN}.source-document`,
  confidentialSource: `plugin::${PLUGIN}.confidential-source`,
} as const satisfies Record<string, UID.ContentType>;

// Far above the seeded indexes, so these stories never collide with the seeded ones.
const FIRST_STORY = 900_000;

type PluginConfig = { rules: Record<string, string> } & Record<string, unknown>;

/** A super admin; with a password when it is to log in over HTTP (the mixed load's editors). */
export const createEditor = async (strapi: Core.Strapi, password?: string) => {
  const role = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-super-admin' } });
  return (await strapi.service('admin::user').create({
    email: `bench-editor-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@bench.local`,
    ...(password ? { password } : {}),
    firstname: 'Bench',
    lastname: 'Editor',
    isActive: true,
    roles: [role.id],
  })) as { id: number; email: string };
};

export type StoryLinks = { documentId: string; confidentialSource: string };

/** A draft that passes every rule once its quotes are approved. */
export const createReadyStory = async (
  strapi: Core.Strapi,
  index: number,
  { documentId, confidentialSource }: StoryLinks,
  { withByline = true } = {}
) => {
  const content = storyContent(index);
  const story = await strapi.documents(UIDS.story).create({
    data: {
      title: content.title,
      slug: content.slug,
      dek: content.dek,
      body: content.body,
      dateline: content.dateline,
      kind: content.kind,
      backstory: content.backstory,
      bylines: withByline ? content.bylines : [],
      sourceDocuments: [documentId],
      citations: content.citations.map((citation) => ({
        ...citation,
        sourceDocument: documentId,
        page: Math.min(citation.page, 20),
      })),
      anonymousQuotes: content.anonymousQuotes.map((quote) => ({
        ...quote,
        howSourceKnows: 'Briefed on the assessment before its release.',
        informationNotOpinion: true,
        confidentialSource,
      })),
    } as never,
  });
  return story.documentId;
};

/** A published source document and a confidential source the editor knows: what stories cite. */
export const createStoryLinks = async (
  strapi: Core.Strapi,
  editor: { id: number },
  index: number
): Promise<StoryLinks> => {
  const source = await strapi.documents(UIDS.confidentialSource).create({
    data: {
      alias: `BENCH-SOURCE-${index}`,
      identity: 'A synthetic official (benchmark)',
      editorsWhoKnow: [editor.id],
    } as never,
  });
  // Its own documentId and publication come from the Document Service, not the generator.
  const documentContent = _.omit(sourceDocumentContent(index), ['documentId', 'publishedAt']);
  const document = await strapi.documents(UIDS.document).create({
    data: {
      ...documentContent,
      pageCount: 20,
      // R10: the estimative words agree with the likelihood recorded.
      keyJudgments: documentContent.keyJudgments.map((judgment) => ({
        ...judgment,
        text: 'We assess it is likely that the campaign continued.',
        likelihood: 'likely',
      })),
    } as never,
  });
  await strapi.documents(UIDS.document).publish({ documentId: document.documentId });
  return { documentId: document.documentId, confidentialSource: source.documentId };
};

/** A ready story (quotes approved by `editor`), published once: the first publish is not timed. */
export const createPublishedStory = async (
  strapi: Core.Strapi,
  index: number,
  links: StoryLinks,
  editor: { id: number }
) => {
  const approvals = strapi.plugin(PLUGIN).service('approvals');
  const documentId = await createReadyStory(strapi, index, links);
  for (const quoteIndex of [0, 1]) {
    await approvals.decide(documentId, quoteIndex, 'approved', { userId: editor.id });
  }
  await strapi.documents(UIDS.story).publish({ documentId });
  return documentId;
};

export const benchPublish = async (
  strapi: Core.Strapi,
  { stories, rounds }: { stories: number; rounds: number },
  counter: QueryCounter
): Promise<PublishTimings> => {
  const editor = await createEditor(strapi);
  const approvals = strapi.plugin(PLUGIN).service('approvals');
  const links = await createStoryLinks(strapi, editor, FIRST_STORY);

  const documentIds: string[] = [];
  for (let i = 0; i < stories; i += 1) {
    // The first publish (firstPublishedAt, the R9 record) is not what is measured: republishing
    // the same story is, so both sides do exactly the same work apart from the rules.
    documentIds.push(await createPublishedStory(strapi, FIRST_STORY + i, links, editor));
  }

  const defaults = strapi.config.get(CONFIG_KEY) as PluginConfig;
  const rulesOff = {
    ...defaults,
    rules: Object.fromEntries(Object.keys(defaults.rules).map((code) => [code, 'off'])),
  };
  const timings: PublishTimings = {
    gate: [],
    rulesOff: [],
    queries: { gate: 0, rulesOff: 0 },
    refusedWithGate: false,
  };
  // The baseline is a publish with every rule off and no public snapshot written: the snapshot
  // service's refresh (publication step 7, and the document middleware) is swapped for a no-op
  // on that side only, in this process; the gate's side writes it as every publish does.
  const snapshot = strapi.plugin(PLUGIN).service('public-snapshot') as {
    refresh(documentIds: string[]): Promise<void>;
  };
  const refresh = snapshot.refresh;
  const withSnapshot = (config: PluginConfig) => {
    snapshot.refresh = config === defaults ? refresh : async () => {};
  };
  const publishTimed = async (documentId: string, config: PluginConfig, into: number[]) => {
    strapi.config.set(CONFIG_KEY, config);
    withSnapshot(config);
    const started = performance.now();
    await strapi.documents(UIDS.story).publish({ documentId });
    into.push(performance.now() - started);
  };

  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const documentId of documentIds) {
        const sides: Array<[PluginConfig, number[]]> = [
          [defaults, timings.gate],
          [rulesOff, timings.rulesOff],
        ];
        if (round % 2 === 1) {
          sides.reverse();
        }
        for (const [config, into] of sides) {
          await publishTimed(documentId, config, into);
        }
      }
    }

    for (const [config, side] of [
      [defaults, 'gate'],
      [rulesOff, 'rulesOff'],
    ] as const) {
      strapi.config.set(CONFIG_KEY, config);
      withSnapshot(config);
      counter.start();
      await strapi.documents(UIDS.story).publish({ documentId: documentIds[0] });
      timings.queries[side] = counter.stop().count;
    }

    // The gate is really on in the measured runs: a story without a byline is refused (R8).
    const unsigned = await createReadyStory(strapi, FIRST_STORY + stories, links, {
      withByline: false,
    });
    for (const quoteIndex of [0, 1]) {
      await approvals.decide(unsigned, quoteIndex, 'approved', { userId: editor.id });
    }
    strapi.config.set(CONFIG_KEY, defaults);
    withSnapshot(defaults);
    timings.refusedWithGate = await strapi
      .documents(UIDS.story)
      .publish({ documentId: unsigned })
      .then(
        () => false,
        () => true
      );
  } finally {
    strapi.config.set(CONFIG_KEY, defaults);
    snapshot.refresh = refresh;
  }
  return timings;
};
