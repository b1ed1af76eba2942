import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';

import { WEBHOOK_EVENTS } from '../../server/src/events/names';
import {
  PUBLIC_CORRECTION_FIELDS,
  PUBLIC_SOURCE_DOCUMENT_SHAPE,
  PUBLIC_STORY_SHAPE,
} from '../../server/src/utils/public-fields';
import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { issueCorrection } from '../helpers/corrections';
import { buildPdf } from '../helpers/pdf';
import { currentRevision, GOOD_QUOTE, sourcingApi } from '../helpers/sourcing';
import { sharedSourceDocument } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

/**
 * Issue 19, item 3: the plugin's four events reach a site's webhooks (Strapi's webhook store and
 * runner, a real HTTP listener on the loopback), each after its write is committed, with public
 * fields only, and only to the webhooks subscribed to them.
 */

const {
  INTELLIGENCE_STORIES_APPROVAL_DECIDED: APPROVAL_DECIDED,
  INTELLIGENCE_STORIES_CORRECTION_ISSUED: CORRECTION_ISSUED,
  INTELLIGENCE_STORIES_STORY_PUBLISHED: STORY_PUBLISHED,
  INTELLIGENCE_STORIES_TEXT_EXTRACTED: TEXT_EXTRACTED,
} = WEBHOOK_EVENTS;
const ALL_EVENTS = Object.values(WEBHOOK_EVENTS) as string[];

const API = '/api/intelligence-stories';
const CONFIG_KEY = 'plugin::intelligence-stories';
const OVERRIDE = 'plugin::intelligence-stories.rules.override';

const unique = () => crypto.randomBytes(4).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Confidential and private values a payload must never carry, each findable by its prefix. */
const CANARY = `canary-${unique()}`;
const canary = (what: string) => `${CANARY} ${what}`;

type Delivery = { path: string; header: string; body: Record<string, unknown> };

/** What the payloads may name, from the allow-lists: a private name reused by a public field is no leak. */
const PUBLIC_NAMES = (() => {
  const names = new Set<string>(['id', 'documentId', ...PUBLIC_CORRECTION_FIELDS]);
  const add = (selection: { fields?: string[]; populate?: Record<string, unknown> }) => {
    selection.fields?.forEach((field) => names.add(field));
    for (const [relation, nested] of Object.entries(selection.populate ?? {})) {
      names.add(relation);
      add(nested as typeof selection);
    }
  };
  add(PUBLIC_STORY_SHAPE);
  add(PUBLIC_SOURCE_DOCUMENT_SHAPE);
  return names;
})();

describe('webhook events', () => {
  let app: TestApp;
  // The editor publishes and corrects; a standards editor decides on quotes (four eyes).
  let chief: { token: string; user: { id: number; email: string } };
  let standards: { token: string; user: { id: number; email: string } };
  let cm: ReturnType<typeof contentManager>;
  let desk: ReturnType<typeof sourcingApi>;
  let listener: http.Server;
  let listenerUrl: string;
  const deliveries: Delivery[] = [];
  let forbiddenKeys: Set<string>;

  const admin = () => ({ Authorization: `Bearer ${chief.token}` });

  /** Deliveries to one webhook's path, of one event, about one document if named. */
  const received = (path: string, event: string, documentId?: string) =>
    deliveries.filter(
      (delivery) =>
        delivery.path === path &&
        delivery.body.event === event &&
        (!documentId || aboutDocument(delivery.body, documentId))
    );

  const aboutDocument = (body: Record<string, unknown>, documentId: string) =>
    JSON.stringify([body.entry, body.story, body.documentId]).includes(`"${documentId}"`);

  /** Waits for `count` deliveries matching, and answers them. */
  const waitFor = async (
    path: string,
    event: string,
    documentId?: string,
    { count = 1, timeoutMs = 20_000 } = {}
  ) => {
    const deadline = Date.now() + timeoutMs;
    while (received(path, event, documentId).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `${event} about ${documentId ?? 'anything'} not delivered to ${path}; got: ${JSON.stringify(
            deliveries.map(({ path: to, body }) => [to, body.event])
          )}`
        );
      }
      await sleep(50);
    }
    return received(path, event, documentId);
  };

  /**
   * What proves a delivery did not happen: a later event, sent after it would have been, has
   * arrived, and the runner has had time to send anything queued before it.
   */
  const sentinelApproval = async (documentId: string) => {
    const before = received('/all', APPROVAL_DECIDED, documentId).length;
    expect((await desk.approve(documentId)).status).toBe(200);
    await waitFor('/all', APPROVAL_DECIDED, documentId, { count: before + 1 });
    await sleep(300);
  };

  const createWebhook = (name: string, path: string, events: string[]) =>
    app
      .request()
      .post('/admin/webhooks')
      .set(admin())
      .send({ name, url: `${listenerUrl}${path}`, headers: {}, events });

  const setOverrides = (overrides: Record<string, string>) => {
    const config = app.strapi.config.get(CONFIG_KEY) as Record<string, unknown>;
    app.strapi.config.set(CONFIG_KEY, { ...config, overrides });
  };

  // i18n gives every type a `locale` attribute; a localized one's is public.
  const localized = () =>
    !(app.strapi.getModel(UIDS.story).attributes as Record<string, { private?: boolean }>).locale
      ?.private;

  /** A correction's language version as stored: `{ locale }`, or nothing when it names none. */
  const storedLocale = async (documentId: string) => {
    const { storyLocale } = await app.strapi.db
      .query(UIDS.correction)
      .findOne({ where: { documentId }, select: ['storyLocale'] });
    return storyLocale ? { locale: storyLocale as string } : {};
  };

  /**
   * A story every rule accepts once its quote is approved, whose private fields and confidential
   * source hold canaries.
   */
  const sourcedStory = async (title: string, extra: Record<string, unknown> = {}) => {
    const source = await app.strapi.documents(UIDS.confidentialSource).create({
      data: {
        alias: canary(`alias ${unique()}`),
        identity: canary('identity'),
        role: canary('role'),
        affiliation: canary('affiliation'),
        contact: canary('contact'),
        verificationNotes: canary('verification notes'),
        editorsWhoKnow: [chief.user.id, standards.user.id],
      },
    });
    const sourceDocument = await sharedSourceDocument(app);
    return app.strapi.documents(UIDS.story).create({
      data: {
        title,
        slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique()}`,
        kind: 'news',
        editorNotes: canary('editor notes'),
        bylines: [{ name: 'A. Reporter' }],
        sourceDocuments: [sourceDocument],
        citations: [{ sourceDocument, page: 15, passage: 'A passage', passageType: 'paraphrase' }],
        anonymousQuotes: [
          {
            ...GOOD_QUOTE,
            howSourceKnows: canary('how the source knows'),
            confidentialSource: source.documentId,
          },
        ],
        ...extra,
      } as never,
    });
  };

  beforeAll(async () => {
    deliveries.length = 0;
    listener = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        deliveries.push({
          path: req.url ?? '',
          header: String(req.headers['x-strapi-event'] ?? ''),
          body: JSON.parse(raw || '{}') as Record<string, unknown>,
        });
        // A webhook whose receiver fails: Strapi logs it, the editor's action must not notice.
        res.statusCode = req.url === '/failing' ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

    app = await bootStrapi();
    chief = await createAdminUser(app);
    standards = await createAdminUser(app);
    cm = contentManager(app, chief.token);
    desk = sourcingApi(app, standards.token);
    // Readers allowed to read source documents get them with a story; a webhook does too.
    for (const action of ['story.findOne', 'source-document.find', 'source-document.findOne']) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }

    // Every private attribute of the plugin's types, but those a public field shares a name with.
    const privateNames = [
      ...Object.entries(app.strapi.contentTypes),
      ...Object.entries(app.strapi.components),
    ]
      .filter(([uid]) => uid.includes('intelligence-stories'))
      .flatMap(([, schema]) =>
        Object.entries(schema.attributes as Record<string, { private?: boolean }>)
          .filter(([, attribute]) => attribute.private)
          .map(([name]) => name)
      );
    forbiddenKeys = new Set(
      [
        ...privateNames,
        ...['createdBy', 'updatedBy', 'password', 'email', 'firstname', 'lastname', 'username'],
      ].filter((name) => !PUBLIC_NAMES.has(name))
    );
    // The approval event's subject: which way the decision went (docs/webhooks.md).
    forbiddenKeys.delete('decision');
  });

  afterAll(async () => {
    setOverrides({});
    await app?.destroy();
    await new Promise((resolve) => listener?.close(resolve));
  });

  it('registers the four events with Strapi, and a webhook subscribes to them over the admin API', async () => {
    const store = app.strapi.get('webhookStore') as { getAllowedEvent(key: string): string };
    for (const [key, name] of Object.entries(WEBHOOK_EVENTS)) {
      expect(store.getAllowedEvent(key)).toBe(name);
    }

    // Strapi refuses an event it does not know, ours included if it were not registered.
    const unknown = await createWebhook('Unknown', '/unknown', ['intelligence-stories.nope']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/intelligence-stories\.nope is not supported/);

    expect((await createWebhook('Site revalidation', '/all', ALL_EVENTS)).status).toBe(201);
    expect(
      (await createWebhook('Corrections desk', '/corrections', [CORRECTION_ISSUED])).status
    ).toBe(201);
    expect((await createWebhook('Broken receiver', '/failing', ALL_EVENTS)).status).toBe(201);

    // Listed in Settings → Webhooks, with their events.
    const listed = await app.request().get('/admin/webhooks').set(admin()).expect(200);
    expect(
      (listed.body.data as Array<{ name: string; events: string[] }>).map(({ name, events }) => [
        name,
        events,
      ])
    ).toEqual([
      ['Site revalidation', ALL_EVENTS],
      ['Corrections desk', [CORRECTION_ISSUED]],
      ['Broken receiver', ALL_EVENTS],
    ]);
  });

  it('approval decided: the decision and the quote in its public fields, not who or why', async () => {
    const approved = await sourcedStory('Approval event approved');
    const res = await desk.approve(approved.documentId, 0, { comment: canary('approval comment') });
    expect(res.status).toBe(200);
    const [delivery] = await waitFor('/all', APPROVAL_DECIDED, approved.documentId);
    expect(delivery.header).toBe(APPROVAL_DECIDED);
    expect(delivery.body).toEqual({
      event: APPROVAL_DECIDED,
      createdAt: expect.any(String),
      model: 'story',
      uid: UIDS.story,
      decision: 'approved',
      story: {
        documentId: approved.documentId,
        ...(localized() ? { locale: 'en' } : {}),
        title: 'Approval event approved',
        slug: approved.slug,
      },
      quote: {
        index: 0,
        quote: GOOD_QUOTE.quote,
        attribution: GOOD_QUOTE.attribution,
        anonymityReason: GOOD_QUOTE.anonymityReason,
      },
    });

    const rejected = await sourcedStory('Approval event rejected');
    expect(
      (await desk.reject(rejected.documentId, 0, { comment: canary('rejection comment') })).status
    ).toBe(200);
    const [refusal] = await waitFor('/all', APPROVAL_DECIDED, rejected.documentId);
    expect(refusal.body).toMatchObject({ decision: 'rejected', quote: { index: 0 } });

    // A refused decision (no such quote) writes nothing and sends nothing.
    expect((await desk.approve(rejected.documentId, 5)).status).toBe(404);
    await sentinelApproval(approved.documentId);
    expect(received('/all', APPROVAL_DECIDED, rejected.documentId)).toHaveLength(1);
  });

  it('story published: the story as readers get it, and the gate result by rule code', async () => {
    // A leaked document without its hash: the playground's house rule LEAK-HASH blocks the
    // publish, and an override with a reason lifts it. A quotation on a document without a PDF:
    // R11 cannot check it and warns.
    setOverrides({ 'LEAK-HASH': OVERRIDE });
    const leak = await app.strapi.documents(UIDS.sourceDocument).create({
      data: { title: 'Leaked cable', issuer: 'Unknown', pageCount: 3, classification: 'leaked' },
    });
    await app.strapi.documents(UIDS.sourceDocument).publish({ documentId: leak.documentId });
    const shared = await sharedSourceDocument(app);
    const story = await sourcedStory('Published with its gate', {
      sourceDocuments: [shared, leak.documentId],
      citations: [
        { sourceDocument: shared, page: 15, passage: 'A passage', passageType: 'paraphrase' },
        { sourceDocument: shared, page: 2, passage: 'Quoted words', passageType: 'quote' },
      ],
    });
    expect((await desk.approve(story.documentId)).status).toBe(200);
    const override = await app
      .request()
      .post(`/intelligence-stories/stories/${story.documentId}/rule-overrides`)
      .set(admin())
      .send({
        revision: await currentRevision(app, story.documentId),
        rule: 'LEAK-HASH',
        reason: canary('the override reason, long enough to be accepted'),
      });
    expect(override.status).toBe(201);

    expect((await cm.publish(UIDS.story, story.documentId)).status).toBe(200);
    const [delivery] = await waitFor('/all', STORY_PUBLISHED, story.documentId);
    expect(delivery.header).toBe(STORY_PUBLISHED);

    // The entry is what the public route serves for this story, field for field.
    const served = await app.request().get(`${API}/stories/${story.slug}`).expect(200);
    expect(delivery.body).toEqual({
      event: STORY_PUBLISHED,
      createdAt: expect.any(String),
      model: 'story',
      uid: UIDS.story,
      entry: served.body.data,
      gate: {
        checked: true,
        passed: expect.arrayContaining(['R1', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']),
        warned: ['R11'],
        overridden: ['LEAK-HASH'],
      },
    });
    const { entry, gate } = delivery.body as {
      entry: Record<string, unknown>;
      gate: { passed: string[] };
    };
    expect(gate.passed).not.toContain('R11');
    expect(gate.passed).not.toContain('LEAK-HASH');
    expect(entry.anonymousQuotes).toEqual([
      {
        id: expect.any(Number),
        quote: GOOD_QUOTE.quote,
        attribution: GOOD_QUOTE.attribution,
        anonymityReason: GOOD_QUOTE.anonymityReason,
      },
    ]);
    if (localized()) {
      expect(entry.locale).toBe('en');
    }
    setOverrides({});
  });

  it('a refused publish sends nothing, nor a publish its transaction rolled back', async () => {
    const story = await sourcedStory('Refused then rolled back');
    // R6: the quote awaits its approval.
    const refused = await cm.publish(UIDS.story, story.documentId);
    expect(refused.status).toBe(400);
    await sentinelApproval(story.documentId);
    expect(received('/all', STORY_PUBLISHED, story.documentId)).toEqual([]);

    // Approved now, published by code in a transaction that then fails (as a release that
    // publishes several entries and fails on one is undone): nothing was published, nothing sent.
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
        throw new Error('the release failed on another entry');
      })
    ).rejects.toThrow('the release failed on another entry');
    expect(
      await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: story.documentId, status: 'published' })
    ).toBeNull();
    await sentinelApproval(story.documentId);
    expect(received('/all', STORY_PUBLISHED, story.documentId)).toEqual([]);

    // The same publish, committed, is sent.
    expect((await cm.publish(UIDS.story, story.documentId)).status).toBe(200);
    expect(await waitFor('/all', STORY_PUBLISHED, story.documentId)).toHaveLength(1);
  });

  it('correction issued: at once when readers see it; a held one with the publish that shows its fix', async () => {
    const story = await sourcedStory('Corrected twice');
    expect((await desk.approve(story.documentId)).status).toBe(200);
    expect((await cm.publish(UIDS.story, story.documentId)).status).toBe(200);
    await waitFor('/all', STORY_PUBLISHED, story.documentId);

    const issued = await issueCorrection(app, chief.token, story.documentId, {
      kind: 'correction',
      text: 'An earlier version of this story misstated the page of the report.',
    });
    expect(issued.held).toBe(false);
    const [delivery] = await waitFor('/all', CORRECTION_ISSUED, issued.documentId);
    expect(delivery.header).toBe(CORRECTION_ISSUED);
    const served = await app.request().get(`${API}/stories/${story.slug}`).expect(200);
    const reference = {
      documentId: story.documentId,
      ...(localized() ? { locale: 'en' } : {}),
      title: 'Corrected twice',
      slug: story.slug,
    };
    expect(delivery.body).toEqual({
      event: CORRECTION_ISSUED,
      createdAt: expect.any(String),
      model: 'correction',
      uid: UIDS.correction,
      // As the story shows it to readers, with the language version it corrects if it names one.
      entry: { ...served.body.data.corrections[0], ...(await storedLocale(issued.documentId)) },
      story: reference,
    });

    // Issued on a changed draft, it is held: readers see it with its fix, and so do webhooks.
    await app.strapi.documents(UIDS.story).update({
      documentId: story.documentId,
      data: { dek: 'A dek that changed after the publish.' },
    });
    const held = await issueCorrection(app, chief.token, story.documentId, {
      kind: 'update',
      text: 'This story was updated with a new dek.',
    });
    expect(held.held).toBe(true);
    await sentinelApproval(story.documentId);
    expect(received('/all', CORRECTION_ISSUED, held.documentId)).toEqual([]);

    expect((await cm.publish(UIDS.story, story.documentId)).status).toBe(200);
    const [released] = await waitFor('/all', CORRECTION_ISSUED, held.documentId);
    expect(released.body).toMatchObject({
      entry: { documentId: held.documentId, kind: 'update', text: held.text },
      story: reference,
    });
    const [, republished] = await waitFor('/all', STORY_PUBLISHED, story.documentId, { count: 2 });
    expect(
      (republished.body.entry as { corrections: Array<{ documentId: string }> }).corrections.map(
        ({ documentId }) => documentId
      )
    ).toEqual([issued.documentId, held.documentId]);

    // The webhook subscribed to corrections only got both (the runner posts to /all first).
    await waitFor('/corrections', CORRECTION_ISSUED, story.documentId, { count: 2 });
    expect(
      received('/corrections', CORRECTION_ISSUED, story.documentId).map(
        ({ body }) => (body.entry as { documentId: string }).documentId
      )
    ).toEqual([issued.documentId, held.documentId]);
  });

  it("source document's text extracted: sent once the PDF is read, with the public document", async () => {
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const created = await cm.create(UIDS.sourceDocument, {
      title: 'Foreign Threats to the 2020 US Federal Elections',
      issuer: 'ODNI',
      documentNumber: 'ICA 2020-00078D',
      pageCount: 2,
      classification: 'declassified',
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data as { documentId: string };
    expect((await cm.publish(UIDS.sourceDocument, documentId)).status).toBe(200);

    const pdf = await buildPdf([['Key Judgments'], ['We assess with high confidence.']]);
    const uploaded = await app
      .request()
      .post('/upload')
      .set(admin())
      .attach('files', pdf, { filename: 'ica-2020-00078d.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    expect(
      (await cm.update(UIDS.sourceDocument, documentId, { file: uploaded.body[0].id })).status
    ).toBe(200);

    const [delivery] = await waitFor('/all', TEXT_EXTRACTED, documentId, { timeoutMs: 60_000 });
    expect(delivery.header).toBe(TEXT_EXTRACTED);
    const served = await app.request().get(`${API}/source-documents/${documentId}`).expect(200);
    expect(delivery.body).toEqual({
      event: TEXT_EXTRACTED,
      createdAt: expect.any(String),
      model: 'source-document',
      uid: UIDS.sourceDocument,
      documentId,
      entry: served.body.data,
    });
    // The text itself stays in the admin: only the document's public fields are sent.
    expect(JSON.stringify(delivery.body)).not.toContain('high confidence');
    // Strapi's own row says the text was read: the event followed the write.
    const row = await app.strapi.db
      .query('plugin::intelligence-stories.source-document-text')
      .findOne({ where: { sourceDocumentId: documentId } });
    expect(row.status).toBe('done');
    expect(await documents.findOne({ documentId, status: 'published' })).not.toBeNull();
  });

  it('a failing receiver or event subscriber never fails the editor’s action', async () => {
    // The receiver answering 500 was called for every event, and every action above succeeded.
    for (const event of ALL_EVENTS) {
      await waitFor('/failing', event);
    }

    // A subscriber on Strapi's event hub that throws.
    const off = app.strapi.eventHub.on(CORRECTION_ISSUED, () => {
      throw new Error('a subscriber that is down');
    });
    try {
      const story = await sourcedStory('Subscriber down');
      expect((await desk.approve(story.documentId)).status).toBe(200);
      expect((await cm.publish(UIDS.story, story.documentId)).status).toBe(200);
      const issued = await issueCorrection(app, chief.token, story.documentId, {
        kind: 'clarification',
        text: 'This story has been clarified about the report’s date.',
      });
      expect(issued.held).toBe(false);
      expect(
        await app.strapi.documents(UIDS.correction).findOne({ documentId: issued.documentId })
      ).not.toBeNull();
    } finally {
      off();
    }
  });

  it('delivers to each webhook only the events it subscribed to', async () => {
    const byPath = (path: string) =>
      new Set(
        deliveries.filter((delivery) => delivery.path === path).map(({ body }) => body.event)
      );
    expect([...byPath('/corrections')]).toEqual([CORRECTION_ISSUED]);
    // Strapi's own entry.* events (many entries were written) went to no one subscribed to ours.
    expect([...byPath('/all')].sort()).toEqual([...ALL_EVENTS].sort());
    expect(deliveries.every(({ header, body }) => header === body.event)).toBe(true);
  });

  it('no delivery holds a private key or a confidential value, at any depth', () => {
    expect(deliveries.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        const identities = [chief.user.email, standards.user.email, 'Test Admin'];
        if (value.includes(CANARY) || identities.some((identity) => value.includes(identity))) {
          leaks.push(`${path}: ${value}`);
        }
      } else if (value && typeof value === 'object') {
        for (const [key, nested] of Object.entries(value)) {
          if (!Array.isArray(value) && forbiddenKeys.has(key)) {
            leaks.push(`${path}.${key}`);
          }
          walk(nested, `${path}.${key}`);
        }
      }
    };
    deliveries.forEach(({ path, body }, index) => walk(body, `${path}#${index}(${body.event})`));
    expect(leaks).toEqual([]);
    // The walk knows what to look for: the keys read from the schemas include these.
    expect(
      [
        ...['howSourceKnows', 'confidentialSource', 'approvedBy', 'approvalComment', 'comment'],
        ...['editorNotes', 'issuedBy', 'issuedByName', 'held', 'identity', 'reason', 'pages'],
      ].filter((key) => !forbiddenKeys.has(key))
    ).toEqual([]);
  });
});
