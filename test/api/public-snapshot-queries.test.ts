import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { issueCorrection } from '../helpers/corrections';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';

/**
 * What the public snapshot is for: a public story read costs the same one or two queries whatever
 * the page size (the snapshot's rows, and the total for a list; the JSON-LD adds the settings), and
 * so does a corrections feed (one statement for its page, aggregates and marker; the RSS and JSON
 * Feed add the settings),
 * where the live composition spends a query per relation and component. Counted as bench/ counts
 * them, on knex's query events, for the time of one request. The users-permissions lookup of the
 * Public role's permissions, which Strapi's authentication makes on every request before any
 * route, is counted apart.
 */

const API = '/api/intelligence-stories';
const STORIES = 30;

type KnexQueryEvent = { sql: string };

const isAuthentication = (sql: string) => /up_permissions|up_roles/.test(sql);

describe('queries per public story read', () => {
  let app: TestApp;
  let slug: string;
  let documentId: string;
  let window: string[] | null = null;

  beforeAll(async () => {
    app = await bootStrapi();
    const { token } = await createAdminUser(app);
    for (const action of [
      'story.find',
      'story.findOne',
      'story.jsonld',
      'source-document.find',
      'correction.find',
      'correction.rss',
      'correction.jsonFeed',
    ]) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }
    for (let i = 0; i < STORIES; i += 1) {
      const story = await createStory(app, { title: `Counted story ${i}`, dek: 'A dek' });
      slug = story.slug!;
      documentId = story.documentId;
      if (i % 3 === 0) {
        await issueCorrection(app, token, documentId, {
          kind: i % 2 ? 'clarification' : 'correction',
          text: `Correction ${i}: the figure was misstated here.`,
        });
      }
    }
    app.strapi.db.connection.on('query', (event: KnexQueryEvent) => window?.push(event.sql));
  }, 300_000);

  afterAll(async () => {
    app?.strapi.plugin('intelligence-stories').service('public-snapshot').serveFromSnapshot(true);
    await app?.destroy();
  });

  const countOnce = async (path: string) => {
    window = [];
    const res = await app.request().get(path);
    const queries = window;
    window = null;
    expect(res.status).toBe(200);
    return {
      authentication: queries.filter(isAuthentication).length,
      reads: queries.filter((sql) => !isAuthentication(sql)),
    };
  };

  // Strapi's own jobs (the upload folders' metrics, the plugin store) run now and then on the
  // same connection: the fewest of three reads is the read's own cost.
  const count = async (path: string) => {
    const tries = [await countOnce(path), await countOnce(path), await countOnce(path)];
    return tries.reduce((fewest, next) =>
      next.reads.length < fewest.reads.length ? next : fewest
    );
  };

  const reads = (fromSnapshot: boolean) => {
    app.strapi
      .plugin('intelligence-stories')
      .service('public-snapshot')
      .serveFromSnapshot(fromSnapshot);
    return {
      'single story': `${API}/stories/${slug}`,
      'single story by documentId': `${API}/stories/${documentId}`,
      'JSON-LD': `${API}/stories/${slug}/jsonld`,
      'list of 5': `${API}/stories?pagination[pageSize]=5`,
      'list of 25': `${API}/stories?pagination[pageSize]=25`,
      'list of 25, filtered and sorted': `${API}/stories?pagination[pageSize]=25&filters[kind][$eq]=news&sort=title:asc`,
      'corrections, page of 5': `${API}/corrections?pagination[pageSize]=5`,
      'corrections, page of 50, one kind': `${API}/corrections?pagination[pageSize]=50&kind=correction`,
      'corrections.rss': `${API}/corrections.rss`,
      'corrections.json': `${API}/corrections.json`,
    };
  };

  it('is at most two queries from the snapshot, at every page size', async () => {
    // Counted on feeds that show something: a third of the stories have a correction.
    const listed = await app.request().get(`${API}/corrections?pagination[pageSize]=50`);
    expect(listed.body.data).toHaveLength(STORIES / 3);
    const counted: Record<string, number> = {};
    const over: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(reads(true))) {
      const { authentication, reads: queries } = await count(path);
      expect(authentication).toBeLessThanOrEqual(1);
      counted[name] = queries.length;
      if (queries.length > 2) {
        over[name] = queries;
      }
    }
    // Names the read and its SQL when one spends more.
    expect(over).toEqual({});
    expect(counted['list of 5']).toBe(counted['list of 25']);
    expect(counted['corrections, page of 5']).toBe(counted['corrections, page of 50, one kind']);
    // Logged for the report and the benchmark notes.
    process.stdout.write(`queries per read from the snapshot: ${JSON.stringify(counted)}\n`);
  });

  it('spends more composing live, which is what the snapshot saves', async () => {
    const counted: Record<string, number> = {};
    for (const [name, path] of Object.entries(reads(false))) {
      counted[name] = (await count(path)).reads.length;
    }
    process.stdout.write(`queries per read composed live: ${JSON.stringify(counted)}\n`);
    expect(counted['single story']).toBeGreaterThan(2);
    expect(counted['list of 25']).toBeGreaterThan(2);
    expect(counted['corrections.rss']).toBeGreaterThan(2);
  });
});
