import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';

import { seedExampleStory } from '../../playground/src/seed';
import { CORRECTIONS, STORY } from '../../playground/src/seed/odni-2021-interference';
import jsonFeedSchema from '../fixtures/jsonfeed-1.1.schema.json';
import { createAdminUser } from '../helpers/auth';
import { expandJsonLd, schemaOrgViolations, value, values } from '../helpers/schema-org';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const API = '/api/intelligence-stories';
// The seed issues them in order; every feed lists the newest first.
const NEWEST_FIRST = CORRECTIONS.map(({ text }) => text).reverse();

describe("the example story's corrections on every public surface", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi();
    await createAdminUser(app); // the seed's standards editor
    expect(await seedExampleStory(app.strapi)).toBe('created');
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string) => app.request().get(`${API}${path}`).expect(200);

  it('in the story itself, oldest first', async () => {
    const res = await get(`/stories/${STORY.slug}`);
    expect(res.body.data.corrections.map(({ text }: { text: string }) => text)).toEqual(
      CORRECTIONS.map(({ text }) => text)
    );
  });

  it('in the JSON list of corrections', async () => {
    const res = await get('/corrections');
    expect(res.body.data.map(({ text }: { text: string }) => text)).toEqual(NEWEST_FIRST);
    expect(res.body.data.map(({ story }: { story: { slug: string } }) => story.slug)).toEqual([
      STORY.slug,
      STORY.slug,
    ]);
  });

  it("in its JSON-LD, with the playground publisher's policies", async () => {
    const res = await get(`/stories/${STORY.slug}/jsonld`);
    const [article] = await expandJsonLd(JSON.parse(res.text));
    expect(schemaOrgViolations(article)).toEqual([]);
    expect(values(article, 'correction').map((comment) => value(comment, 'text'))).toEqual(
      CORRECTIONS.map(({ text }) => text)
    );
    expect(values(article, 'citation').map((report) => value(report, 'identifier'))).toEqual([
      'ICA 2020-00078D',
    ]);
    const [publisher] = values(article, 'publisher');
    expect(value(publisher, 'correctionsPolicy')).toBe(
      'https://news.example/standards/corrections'
    );
    expect(value(publisher, 'unnamedSourcesPolicy')).toBe(
      'https://news.example/standards/anonymous-sources'
    );
  });

  it('in the RSS feed', async () => {
    const feed = await new Parser().parseString((await get('/corrections.rss')).text);
    expect(feed.title).toBe('Playground News: corrections');
    expect(feed.items.map((item) => item.content)).toEqual(NEWEST_FIRST);
    for (const item of feed.items) {
      expect(item.link).toMatch(
        new RegExp(`^https://news\\.example/stories/${STORY.slug}#correction-\\w+$`)
      );
    }
  });

  it('in the JSON Feed', async () => {
    const feed = JSON.parse((await get('/corrections.json')).text);
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    expect(ajv.validate(jsonFeedSchema, feed) ? [] : ajv.errors).toEqual([]);
    expect(feed.items.map(({ content_text }: { content_text: string }) => content_text)).toEqual(
      NEWEST_FIRST
    );
  });
});
