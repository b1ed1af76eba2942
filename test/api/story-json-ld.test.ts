import { createHash } from 'crypto';

import {
  createAdminRole,
  createAdminUser,
  createEndUser,
  grantPublicPermission,
} from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { expandJsonLd, schemaOrgViolations, value, values } from '../helpers/schema-org';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStoryDraft } from '../helpers/stories';
import { UIDS } from '../helpers/uids';
import { uploadFile } from '../helpers/uploads';

const API = '/api/intelligence-stories';
const SCHEMA = 'http://schema.org/';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const EDITOR_NOTE = 'EDITOR-NOTE-MARKER: call the press office again';

const SETTINGS = {
  publisherName: 'The Test Gazette',
  publisherUrl: 'https://gazette.example',
  publisherLogoUrl: 'https://gazette.example/logo.png',
  correctionsPolicyUrl: 'https://gazette.example/corrections-policy',
  unnamedSourcesPolicyUrl: 'https://gazette.example/anonymous-sources',
  storyUrlTemplate: 'https://gazette.example/stories/{slug}',
};

describe('JSON-LD of a story', () => {
  let app: TestApp;
  let desk: { token: string };
  let story: { documentId: string; slug: string };
  let document: { documentId: string; sha256: string };
  let corrections: Array<Awaited<ReturnType<typeof issueCorrection>>>;

  beforeAll(async () => {
    app = await bootStrapi();
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [
        { action: ISSUE_CORRECTIONS },
        { action: 'plugin::intelligence-stories.settings.update' },
      ]),
    });
    for (const action of ['story.jsonld', 'source-document.find']) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }

    const file = await uploadFile(app, PDF);
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const created = await documents.create({
      data: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'Office of the Director of National Intelligence',
        documentNumber: 'ICA 2020-00078D',
        documentDate: '2021-03-10',
        releaseDate: '2021-03-16',
        pageCount: 15,
        classification: 'declassified',
        officialUrl: 'https://www.dni.gov/files/ODNI/documents/assessments/ICA-declass-16MAR21.pdf',
        file: file.id,
      },
    });
    await documents.publish({ documentId: created.documentId });
    document = { documentId: created.documentId, sha256: created.sha256 as string };

    const draft = await createStoryDraft(app, {
      title: 'Report points to Russian interference in 2020 US presidential election',
      slug: 'report-points-to-russian-interference',
      dek: 'A declassified assessment details influence efforts by Russia and Iran.',
      kind: 'analysis',
      dateline: 'WASHINGTON',
      backstory: 'Based on the declassified assessment and an interview with an official.',
      bylines: [{ name: 'A. Reporter', role: 'Security correspondent' }],
      sourceDocuments: [document.documentId],
      editorNotes: EDITOR_NOTE,
    });
    await app.strapi.documents(UIDS.story).publish({ documentId: draft.documentId });
    story = { documentId: draft.documentId, slug: 'report-points-to-russian-interference' };

    const first = await issueCorrection(app, desk.token, story.documentId, {
      kind: 'correction',
      text: 'An earlier version of this story garbled a sentence about the smear campaign.',
    });
    await tick();
    const second = await issueCorrection(app, desk.token, story.documentId, {
      kind: 'clarification',
      text: 'This story now says that the report, not an official, made the assessment.',
      supersedes: first.documentId,
    });
    corrections = [first, second];
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const getJsonLd = (idOrSlug = story.slug) =>
    app.request().get(`${API}/stories/${idOrSlug}/jsonld`);

  const article = async () => {
    const res = await getJsonLd().expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const expanded = await expandJsonLd(JSON.parse(res.text));
    expect(expanded).toHaveLength(1);
    return { res, node: expanded[0] };
  };

  it('checks the vocabulary for real: a property the type lacks is flagged', async () => {
    const wrong = await expandJsonLd({
      '@context': 'https://schema.org',
      '@type': 'Report',
      dateline: 'WASHINGTON',
      publisher: { '@type': 'Organisation', name: 'ODNI' },
    });
    expect(schemaOrgViolations(wrong)).toEqual([
      'Report has no property dateline',
      'Organisation has no property name',
      'schema.org has no type Organisation',
    ]);
  });

  it('is a schema.org NewsArticle with its corrections, citations and backstory', async () => {
    const { res, node } = await article();
    expect(schemaOrgViolations(node)).toEqual([]);
    expect(node['@type']).toEqual([`${SCHEMA}NewsArticle`]);

    const storyUrl = `${app.baseUrl}${API}/stories/${story.slug}`;
    expect(node['@id']).toBe(storyUrl);
    expect(value(node, 'url')).toBe(storyUrl);
    expect(value(node, 'headline')).toBe(
      'Report points to Russian interference in 2020 US presidential election'
    );
    expect(value(node, 'description')).toMatch(/declassified assessment/);
    expect(value(node, 'dateline')).toBe('WASHINGTON');
    expect(value(node, 'backstory')).toMatch(/interview with an official/);
    expect(values(node, 'author')).toEqual([
      {
        '@type': [`${SCHEMA}Person`],
        [`${SCHEMA}name`]: [{ '@value': 'A. Reporter' }],
        [`${SCHEMA}jobTitle`]: [{ '@value': 'Security correspondent' }],
      },
    ]);

    const stored = await app.strapi
      .documents(UIDS.story)
      .findOne({ documentId: story.documentId, status: 'published' });
    expect(value(node, 'datePublished')).toBe(stored!.firstPublishedAt);
    // A correction updates the story for readers: dateModified is the latest one's date.
    expect(value(node, 'dateModified')).toBe(corrections[1].issuedAt);

    expect(values(node, 'correction').map((comment) => comment['@type'])).toEqual([
      [`${SCHEMA}CorrectionComment`],
      [`${SCHEMA}CorrectionComment`],
    ]);
    expect(
      values(node, 'correction').map((comment) => ({
        id: comment['@id'],
        name: value(comment, 'name'),
        text: value(comment, 'text'),
        date: value(comment, 'datePublished'),
      }))
    ).toEqual(
      corrections.map((correction, index) => ({
        id: `${storyUrl}#correction-${correction.documentId}`,
        name: ['Correction', 'Clarification'][index],
        text: correction.text,
        date: correction.issuedAt,
      }))
    );

    const [report] = values(node, 'citation');
    expect(values(node, 'citation')).toHaveLength(1);
    expect(report['@type']).toEqual([`${SCHEMA}Report`]);
    expect(value(report, 'name')).toBe('Foreign Threats to the 2020 US Federal Elections');
    expect(value(report, 'identifier')).toBe('ICA 2020-00078D');
    expect(value(report, 'reportNumber')).toBe('ICA 2020-00078D');
    expect(value(report, 'dateCreated')).toBe('2021-03-10');
    expect(value(report, 'datePublished')).toBe('2021-03-16');
    expect(value(report, 'url')).toMatch(/^https:\/\/www\.dni\.gov\//);
    const [issuer] = values(report, 'publisher');
    expect(issuer['@type']).toEqual([`${SCHEMA}GovernmentOrganization`]);
    expect(value(issuer, 'name')).toBe('Office of the Director of National Intelligence');
    const [media] = values(report, 'associatedMedia');
    expect(value(media, 'sha256')).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(value(media, 'sha256')).toBe(document.sha256);
    expect(value(media, 'contentUrl')).toMatch(new RegExp(`^${app.baseUrl}/uploads/`));

    // No publisher until the newsroom fills in its settings.
    expect(values(node, 'publisher')).toEqual([]);
    expect(res.text).not.toContain(EDITOR_NOTE);
  });

  it("carries the publisher and its policies from the plugin's settings", async () => {
    await app
      .request()
      .put('/intelligence-stories/settings')
      .set('Authorization', `Bearer ${desk.token}`)
      .send(SETTINGS)
      .expect(200);

    const { node } = await article();
    expect(schemaOrgViolations(node)).toEqual([]);
    const storyUrl = `https://gazette.example/stories/${story.slug}`;
    expect(node['@id']).toBe(storyUrl);

    const [publisher] = values(node, 'publisher');
    expect(publisher['@type']).toEqual([`${SCHEMA}NewsMediaOrganization`]);
    expect(value(publisher, 'name')).toBe(SETTINGS.publisherName);
    expect(value(publisher, 'url')).toBe(SETTINGS.publisherUrl);
    expect(value(publisher, 'correctionsPolicy')).toBe(SETTINGS.correctionsPolicyUrl);
    expect(value(publisher, 'unnamedSourcesPolicy')).toBe(SETTINGS.unnamedSourcesPolicyUrl);
    const [logo] = values(publisher, 'logo');
    expect(value(logo, 'url')).toBe(SETTINGS.publisherLogoUrl);
    expect(values(node, 'correction').map((comment) => comment['@id'])).toEqual(
      corrections.map(({ documentId }) => `${storyUrl}#correction-${documentId}`)
    );
  });

  it('is found by documentId too, and answers 304 to a conditional GET', async () => {
    const bySlug = await getJsonLd().expect(200);
    const byId = await getJsonLd(story.documentId).expect(200);
    expect(byId.text).toBe(bySlug.text);
    await getJsonLd()
      .set('If-None-Match', bySlug.headers.etag as string)
      .expect(304);
  });

  it('serves published stories only', async () => {
    const draft = await createStoryDraft(app, {
      title: 'Never published',
      slug: 'never-published',
      kind: 'news',
    });
    for (const id of [draft.documentId, 'never-published', 'no-such-story']) {
      const res = await getJsonLd(id).expect(404);
      expect(res.body.error.name).toBe('NotFoundError');
    }
  });

  it.each(['populate=*', 'fields[0]=editorNotes', 'status=draft', 'where[editorNotes]=x'])(
    'refuses ?%s with a 400',
    async (query) => {
      const res = await app
        .request()
        .get(`${API}/stories/${story.slug}/jsonld?${query}`)
        .expect(400);
      expect(res.body.error.message).toMatch(/unsupported query parameter/);
      expect(res.text).not.toContain(EDITOR_NOTE);
    }
  );

  it('is closed to roles the site has not opened it to', async () => {
    const reader = await createEndUser(app);
    await getJsonLd().set('Authorization', `Bearer ${reader.jwt}`).expect(403);
  });
});
