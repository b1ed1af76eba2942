import { DEFAULT_PLUGIN_CONFIG } from '../../server/src/config';
import { createAdminUser } from '../helpers/auth';
import {
  parsePluginEntry,
  playgroundWithPluginEntry,
  markdownCodeBlocks,
} from '../helpers/plugin-entry';
import { GOOD_QUOTE, sourcingApi } from '../helpers/sourcing';
import { createStoryDraft } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

/**
 * The rules' phrase lists as an app sets them in config/plugins.ts, read by Strapi itself: each
 * case boots the playground with that entry and asks the readiness route what it flags. Strapi
 * completes an app's plugin config with lodash's defaultsDeep (index by index for arrays), so a
 * short list must still replace the default one whole.
 */

// One draft holds a candidate for each list; the case says which of them its config flags.
const QUOTES = [
  { attribution: 'someone', anonymityReason: 'spoke on background' },
  { attribution: 'sources', anonymityReason: 'The official feared losing their clearance.' },
  { attribution: 'a pentagon insider', anonymityReason: 'per agency policy' },
];
const KEY_JUDGMENTS = [
  'Russia possibly sought to denigrate the candidate.',
  'Iran arguably sought to undercut the candidate.',
];

const FLAGGED_BY_DEFAULT = [
  'R3 anonymousQuotes[0].anonymityReason',
  'R4 anonymousQuotes[0].attribution',
  'R4 anonymousQuotes[1].attribution',
  'R10 sourceDocuments[0].keyJudgments[0].text',
];

const pluginEntry = (file: string, heading: string) => {
  const [snippet] = markdownCodeBlocks(file, heading, 'ts');
  return parsePluginEntry(snippet)['intelligence-stories'];
};

const flaggedWith = async (entry: Parameters<typeof playgroundWithPluginEntry>[0]) => {
  const playground = playgroundWithPluginEntry(entry);
  let app: TestApp | undefined;
  try {
    app = await bootStrapi({ distDir: playground.distDir });
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const report = await documents.create({
      data: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'ODNI',
        pageCount: 15,
        classification: 'declassified',
        keyJudgments: KEY_JUDGMENTS.map((text) => ({ text, confidence: 'moderate' as const })),
      },
    });
    await documents.publish({ documentId: report.documentId });
    const story = await createStoryDraft(app, {
      title: 'Configured lists',
      sourceDocuments: [report.documentId],
      anonymousQuotes: QUOTES.map((quote) => ({ ...GOOD_QUOTE, ...quote })),
    });

    const { token } = await createAdminUser(app);
    const res = await sourcingApi(app, token).readiness(story.documentId).expect(200);
    const { errors, warnings } = res.body.data as Record<
      'errors' | 'warnings',
      Array<{ code: string; path: string }>
    >;
    return {
      flagged: [...errors, ...warnings]
        .filter(({ code }) => ['R3', 'R4', 'R10'].includes(code))
        .map(({ code, path }) => `${code} ${path}`)
        .sort(),
      config: app.strapi.config.get('plugin::intelligence-stories'),
    };
  } finally {
    await app?.destroy();
    playground.remove();
  }
};

describe('phrase lists set in config/plugins.ts', () => {
  it('with the README install entry (no config), the default lists apply', async () => {
    const { flagged } = await flaggedWith(
      pluginEntry('README.md', '## Install in your Strapi app')
    );
    expect(flagged).toEqual([...FLAGGED_BY_DEFAULT].sort());
  });

  it('with the documented entry of every option pasted, the same phrases are flagged: it shows every default', async () => {
    const entry = pluginEntry('docs/configuration.md', '## Every option at its default');
    expect(entry.config).toEqual(DEFAULT_PLUGIN_CONFIG);

    const { flagged, config } = await flaggedWith(entry);
    expect(flagged).toEqual([...FLAGGED_BY_DEFAULT].sort());
    expect(config).toEqual(DEFAULT_PLUGIN_CONFIG);
  });

  it('a shorter list replaces the default one whole: its phrases only are flagged', async () => {
    const { flagged } = await flaggedWith({
      enabled: true,
      config: {
        stockAnonymityPhrases: ['per agency policy'],
        vagueAttributions: ['a pentagon insider'],
        nonIcd203EstimativeTerms: ['arguably'],
      },
    });
    // Merged index by index, 'sources' (the default's second entry) would still be flagged.
    expect(flagged).toEqual(
      [
        'R3 anonymousQuotes[2].anonymityReason',
        'R4 anonymousQuotes[2].attribution',
        'R10 sourceDocuments[0].keyJudgments[1].text',
      ].sort()
    );
  });

  it('an empty list turns the check off for that list', async () => {
    const { flagged } = await flaggedWith({ enabled: true, config: { vagueAttributions: [] } });
    expect(flagged).toEqual(
      [
        'R3 anonymousQuotes[0].anonymityReason',
        'R10 sourceDocuments[0].keyJudgments[0].text',
      ].sort()
    );
  });
});
