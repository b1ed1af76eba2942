import { createAdminUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { STORY_UID } from '../helpers/stories';

const CORRECTION_UID = 'plugin::intelligence-stories.correction';
const SOURCE_DOCUMENT_UID = 'plugin::intelligence-stories.source-document';
const QUOTE_UID = 'intelligence-stories.anonymous-quote';

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown[] };
};
type ConfigurationResponse = {
  data: { contentType: Configuration; components: Record<string, Configuration> };
};

/**
 * What the admin panel receives of the Content Manager's views of the plugin's types: the labels,
 * descriptions and placeholders (English; the panel translates them), the main fields and the list
 * columns set at bootstrap; and that a view the app's admin configured survives a reboot.
 */
describe("the Content Manager's views of the plugin's types", () => {
  let database: TestDatabase;
  let secrets: Record<string, string>;
  let app: TestApp;
  let superAdmin: { token: string };

  const configuration = async (uid: string) =>
    (
      await app
        .request()
        .get(`/content-manager/content-types/${uid}/configuration`)
        .set('Authorization', `Bearer ${superAdmin.token}`)
        .expect(200)
    ).body as ConfigurationResponse;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await bootStrapi({ database });
    secrets = app.secrets;
    superAdmin = await createAdminUser(app);
  });

  afterAll(async () => {
    await app?.destroy();
    await database?.drop();
  });

  it("labels, describes and gives placeholders to a story's fields, and lists stories by title", async () => {
    const { data } = await configuration(STORY_UID);
    const { metadatas, settings, layouts } = data.contentType;
    expect(metadatas.title.edit).toMatchObject({
      label: 'Title',
      description: 'The headline readers see.',
      placeholder: expect.stringContaining('e.g.'),
    });
    expect(metadatas.dek.edit.label).toBe('Dek');
    expect(metadatas.slug.edit.description).toMatch(/filled from the title/);
    expect(metadatas.editorNotes.edit.label).toBe('Editor notes');
    expect(metadatas.kind.list.label).toBe('Kind');
    expect(settings.mainField).toBe('title');
    expect(layouts.list).toEqual(['title', 'kind', 'updatedAt']);
    expect(settings).toMatchObject({ defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' });
  });

  it("labels the story's components: the anonymous quote's attestation and its other fields", async () => {
    const { data } = await configuration(STORY_UID);
    const quote = data.components[QUOTE_UID];
    expect(quote.metadatas.informationNotOpinion.edit.label).toBe('Attestation');
    expect(quote.metadatas.anonymityReason.edit).toMatchObject({
      label: 'Reason for anonymity',
      description: expect.stringMatching(/readers see it/),
    });
    expect(quote.settings.mainField).toBe('attribution');
    expect(data.components['intelligence-stories.byline'].metadatas.name.edit.label).toBe('Name');
  });

  it("lists corrections by their story (the panel shows the story's title) and source documents by title", async () => {
    const corrections = (await configuration(CORRECTION_UID)).data.contentType;
    expect(corrections.layouts.list[0]).toBe('storyDocumentId');
    expect(corrections.metadatas.storyDocumentId.list.label).toBe('Story');
    expect(corrections.settings.mainField).not.toBe('storyDocumentId');
    const documents = (await configuration(SOURCE_DOCUMENT_UID)).data.contentType;
    expect(documents.settings.mainField).toBe('title');
    expect(documents.layouts.list).toEqual(['title', 'issuer', 'documentDate', 'classification']);
    expect(documents.metadatas.pageCount.edit.label).toBe('Page count');
  });

  it('reports the custom fields as their stored types, so the rules and validation read them as before', () => {
    const quote = app.strapi.getModel(QUOTE_UID as never) as unknown as {
      attributes: Record<string, { type: string; customField?: string }>;
    };
    expect(quote.attributes.informationNotOpinion).toMatchObject({
      type: 'boolean',
      customField: 'plugin::intelligence-stories.attestation',
    });
    const story = app.strapi.getModel(STORY_UID) as unknown as {
      attributes: Record<string, { type: string; targetField?: string }>;
    };
    expect(story.attributes.slug).toMatchObject({ type: 'uid', targetField: 'title' });
  });

  it('generates a slug from a title for a reporter, through the route the slug input calls', async () => {
    const reporter = await createAdminUser(app, { role: 'strapi-author' });
    const res = await app
      .request()
      .post('/content-manager/uid/generate')
      .set('Authorization', `Bearer ${reporter.token}`)
      .send({
        contentTypeUID: STORY_UID,
        field: 'slug',
        data: { id: '', title: 'Spies See Rising Risk, Report Says' },
      })
      .expect(200);
    expect(res.body.data).toBe('spies-see-rising-risk-report-says');
  });

  it('answers /favicon.ico', async () => {
    await app.request().get('/favicon.ico').expect(200);
  });

  it("keeps a view the app's admin configured when Strapi boots again", async () => {
    const { data } = await configuration(STORY_UID);
    const mine = structuredClone(data.contentType);
    mine.metadatas.title.edit.label = 'Headline';
    mine.metadatas.title.edit.description = 'Our own words';
    mine.layouts.list = ['title', 'dateline'];
    mine.settings.mainField = 'dateline';
    // The configuration answer adds a relation's main field to its list metadata; the admin's
    // "Configure the view" form sends it back without, as the route requires.
    for (const metadata of Object.values(mine.metadatas)) {
      delete metadata.list.mainField;
    }
    const saved = await app
      .request()
      .put(`/content-manager/content-types/${STORY_UID}/configuration`)
      .set('Authorization', `Bearer ${superAdmin.token}`)
      .send({ layouts: mine.layouts, metadatas: mine.metadatas, settings: mine.settings });
    expect({ status: saved.status, error: saved.body.error }).toEqual({
      status: 200,
      error: undefined,
    });

    await app.destroy();
    app = await bootStrapi({ database, secrets });
    superAdmin = await createAdminUser(app);

    const after = (await configuration(STORY_UID)).data.contentType;
    expect(after.metadatas.title.edit).toMatchObject({
      label: 'Headline',
      description: 'Our own words',
    });
    expect(after.layouts.list).toEqual(['title', 'dateline']);
    expect(after.settings.mainField).toBe('dateline');
    // What the admin left as the plugin set it is still the plugin's.
    expect(after.metadatas.dek.edit.label).toBe('Dek');
  });
});
