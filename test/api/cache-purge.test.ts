import http from 'http';
import type { AddressInfo } from 'net';

import { createAdminRole, createAdminUser } from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection } from '../helpers/corrections';
import { createStory, createStoryDraft } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders };
type Answer = 'ok' | 'unavailable' | 'forbidden' | 'hang';

/** A cache's purge endpoint: records each request and answers as the test says. */
const purgeEndpoint = async () => {
  const received: Received[] = [];
  let answers: Answer[] = [];
  const server = http.createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const answer = answers.shift() ?? 'ok';
    if (answer === 'hang') {
      return;
    }
    res.statusCode = { ok: 200, unavailable: 503, forbidden: 403 }[answer];
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    /** What the next requests get, in order; then 200. */
    answer(next: Answer[]) {
      answers = next;
    },
    /** The keys of each request received since the last call, sorted within each. */
    take(header = 'xkey') {
      const keys = received.map((request) =>
        String(request.headers[header.toLowerCase()] ?? '')
          .split(' ')
          .sort()
      );
      received.length = 0;
      return keys;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};

describe('purges after a change that readers see', () => {
  let app: TestApp;
  let varnish: Awaited<ReturnType<typeof purgeEndpoint>>;
  let cdn: Awaited<ReturnType<typeof purgeEndpoint>>;
  let desk: { token: string };
  const CONFIG_KEY = 'plugin::intelligence-stories.cache.purge';

  const purges = () => app.strapi.plugin('intelligence-stories').service('cache-purge');
  const settled = () => purges().settled() as Promise<void>;
  const configure = (purge: Record<string, unknown>) =>
    app.strapi.config.set(CONFIG_KEY, { timeoutMs: 2000, retries: 2, ...purge });
  const throughVarnish = () => configure({ endpoints: [{ url: varnish.url }] });
  const stories = () => app.strapi.documents(UIDS.story);
  const sourceDocuments = () => app.strapi.documents(UIDS.sourceDocument);

  beforeAll(async () => {
    app = await bootStrapi();
    varnish = await purgeEndpoint();
    cdn = await purgeEndpoint();
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
  });

  beforeEach(async () => {
    throughVarnish();
    await settled();
    varnish.take();
    cdn.take();
  });

  afterAll(async () => {
    await app?.destroy();
    await varnish?.close();
    await cdn?.close();
  });

  it('sends nothing when no endpoint is configured', async () => {
    configure({ endpoints: [] });
    await createStory(app, { title: 'A story on a site without a cache' });
    await settled();
    expect(varnish.take()).toEqual([]);
  });

  it("purges a published story's responses and the lists it joins, in one PURGE", async () => {
    const story = await createStory(app, { title: 'Report names foreign influence efforts' });
    await settled();
    expect(varnish.received.map(({ method, url }) => `${method} ${url}`)).toEqual(['PURGE /']);
    expect(varnish.take()).toEqual([[`story:${story.documentId}`, 'list:stories'].sort()]);
  });

  it("purges a story's responses and the feeds when a correction is issued", async () => {
    const story = await createStory(app, { title: 'Agencies brief Congress' });
    await settled();
    varnish.take();
    await issueCorrection(app, desk.token, story.documentId, {
      kind: 'correction',
      text: 'An earlier version of this story misnamed the agency; this has been corrected.',
    });
    await settled();
    expect(varnish.take()).toEqual([['feed:corrections', `story:${story.documentId}`]]);

    // Republished, a story that carries a correction purges the feeds too: its title in them may
    // have changed.
    await stories().publish({ documentId: story.documentId });
    await settled();
    expect(varnish.take()).toEqual([
      ['feed:corrections', 'list:stories', `story:${story.documentId}`],
    ]);
  });

  it('purges the story, the lists and the feeds on an unpublish or a delete of a public story', async () => {
    const story = await createStory(app, { title: 'A story later withdrawn' });
    await settled();
    varnish.take();
    await stories().unpublish({ documentId: story.documentId });
    await settled();
    expect(varnish.take()).toEqual([
      ['feed:corrections', 'list:stories', `story:${story.documentId}`],
    ]);
    // No longer public: deleting it changes nothing readers see.
    await stories().delete({ documentId: story.documentId });
    await settled();
    expect(varnish.take()).toEqual([]);

    const deleted = await createStory(app, { title: 'A story deleted while published' });
    await settled();
    varnish.take();
    await stories().delete({ documentId: deleted.documentId });
    await settled();
    expect(varnish.take()).toEqual([
      ['feed:corrections', 'list:stories', `story:${deleted.documentId}`],
    ]);
  });

  it('sends nothing for a change to drafts, which readers never see', async () => {
    const story = await createStory(app, { title: 'A story edited after publication' });
    await settled();
    varnish.take();
    await stories().update({
      documentId: story.documentId,
      data: { dek: 'Edited, not published' },
    });
    await stories().discardDraft({ documentId: story.documentId });
    await createStoryDraft(app, { title: 'A draft' });
    await settled();
    expect(varnish.take()).toEqual([]);
  });

  it('sends nothing for a refused publish, or one rolled back with its transaction', async () => {
    // R1: a story that cites no source document is refused.
    const uncited = await createStoryDraft(app, {
      title: 'An uncited story',
      slug: 'an-uncited-story',
      kind: 'news',
    });
    await expect(stories().publish({ documentId: uncited.documentId })).rejects.toThrow();

    const story = await createStory(app, { title: 'Rolled back' }, { publish: false });
    await expect(
      app.strapi.db.transaction(async () => {
        await stories().publish({ documentId: story.documentId });
        throw new Error('the caller gave up');
      })
    ).rejects.toThrow('the caller gave up');
    await settled();
    expect(varnish.take()).toEqual([]);
    expect(
      await stories().findOne({ documentId: story.documentId, status: 'published' })
    ).toBeNull();
  });

  it('purges once per commit: a transaction publishing two stories sends one request', async () => {
    const first = await createStory(app, { title: 'First of a pair' }, { publish: false });
    const second = await createStory(app, { title: 'Second of a pair' }, { publish: false });
    await app.strapi.db.transaction(async () => {
      await stories().publish({ documentId: first.documentId });
      await stories().publish({ documentId: second.documentId });
    });
    await settled();
    expect(varnish.take()).toEqual([
      ['list:stories', `story:${first.documentId}`, `story:${second.documentId}`].sort(),
    ]);
  });

  it('purges a source document, its lists and every story citing it, before and after the change', async () => {
    const document = await sourceDocuments().create({
      data: {
        title: 'Annual Threat Assessment',
        issuer: 'ODNI',
        pageCount: 40,
        classification: 'unclassified',
      },
    });
    await sourceDocuments().publish({ documentId: document.documentId });
    const citing = await createStoryDraft(app, {
      title: 'A story citing the assessment',
      slug: 'a-story-citing-the-assessment',
      kind: 'news',
      sourceDocuments: [document.documentId],
    });
    await stories().publish({ documentId: citing.documentId });
    await settled();
    varnish.take();

    await sourceDocuments().update({ documentId: document.documentId, data: { pageCount: 41 } });
    await settled();
    expect(varnish.take()).toEqual([]);

    const expected = [
      'list:source-documents',
      `source-document:${document.documentId}`,
      `story:${citing.documentId}`,
    ].sort();
    await sourceDocuments().publish({ documentId: document.documentId });
    await settled();
    expect(varnish.take()).toEqual([expected]);
    await sourceDocuments().unpublish({ documentId: document.documentId });
    await settled();
    expect(varnish.take()).toEqual([expected]);

    // Deleted, it is cited by nothing afterwards: the stories are those that cited it before.
    await sourceDocuments().publish({ documentId: document.documentId });
    await settled();
    varnish.take();
    await sourceDocuments().delete({ documentId: document.documentId });
    await settled();
    expect(varnish.take()).toEqual([expected]);
  });

  it('purges the JSON-LD and the feeds when the publisher settings change, and only then', async () => {
    const settings = app.strapi.plugin('intelligence-stories').service('settings');
    await settings.set({ publisherName: 'The Daily Record' });
    await settled();
    expect(varnish.take()).toEqual([['publisher-settings']]);
    await settings.set({ publisherName: 'The Daily Record' });
    await settled();
    expect(varnish.take()).toEqual([]);
  });

  it('sends to every endpoint, each with its method, keys header and headers', async () => {
    configure({
      endpoints: [
        { url: varnish.url },
        {
          url: `${cdn.url}service/abc/purge`,
          method: 'POST',
          keysHeader: 'Surrogate-Key',
          headers: { 'Fastly-Key': 'secret-token' },
        },
      ],
    });
    const story = await createStory(app, { title: 'Sent to two caches' });
    await settled();
    expect(varnish.take()).toEqual([[`story:${story.documentId}`, 'list:stories'].sort()]);
    const [request] = cdn.received;
    expect(`${request.method} ${request.url}`).toBe('POST /service/abc/purge');
    expect(request.headers['fastly-key']).toBe('secret-token');
    expect(cdn.take('Surrogate-Key')).toEqual([
      [`story:${story.documentId}`, 'list:stories'].sort(),
    ]);
  });

  describe('when a purge fails', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
      warn = jest.spyOn(app.strapi.log, 'warn');
    });
    afterEach(() => warn.mockRestore());

    it('retries a cache that answers 503, and logs nothing once it succeeds', async () => {
      varnish.answer(['unavailable', 'unavailable', 'ok']);
      const story = await createStory(app, { title: 'Purged on the third try' });
      await settled();
      expect(varnish.take()).toEqual(
        Array(3).fill([`story:${story.documentId}`, 'list:stories'].sort())
      );
      expect(warn).not.toHaveBeenCalled();
    });

    it('gives up after its retries and logs the endpoint, the keys and the error; the publish stands', async () => {
      configure({ endpoints: [{ url: varnish.url }], retries: 1 });
      varnish.answer(['unavailable', 'unavailable']);
      const story = await createStory(app, { title: 'Never purged' });
      await settled();
      expect(varnish.take()).toHaveLength(2);
      expect(warn).toHaveBeenCalledTimes(1);
      const [message] = warn.mock.calls[0] as [string];
      expect(message).toContain(`PURGE ${varnish.url}`);
      expect(message).toContain('HTTP 503');
      expect(message).toContain(`story:${story.documentId}`);
      expect(
        await stories().findOne({ documentId: story.documentId, status: 'published' })
      ).not.toBeNull();
    });

    it('does not retry a refusal', async () => {
      varnish.answer(['forbidden']);
      await createStory(app, { title: 'Refused by the ACL' });
      await settled();
      expect(varnish.take()).toHaveLength(1);
      expect(warn.mock.calls[0][0]).toContain('HTTP 403');
    });

    it('times out a cache that never answers, without holding up the publish', async () => {
      configure({ endpoints: [{ url: varnish.url }], timeoutMs: 1000, retries: 1 });
      varnish.answer(['hang', 'hang']);
      const story = await createStory(app, { title: 'Purged into the void' });
      // The publish returned while the purge was still waiting for its first answer.
      expect(warn).not.toHaveBeenCalled();
      await settled();
      expect(varnish.take()).toHaveLength(2);
      expect(warn.mock.calls[0][0]).toMatch(/TimeoutError/);
      expect(warn.mock.calls[0][0]).toContain(`story:${story.documentId}`);
    });

    it('logs a cache that cannot be reached; the publish stands', async () => {
      const closed = await purgeEndpoint();
      await closed.close();
      configure({ endpoints: [{ url: closed.url }], retries: 0 });
      const story = await createStory(app, { title: 'Published with the cache down' });
      await settled();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toContain(`PURGE ${closed.url}`);
      expect(
        await stories().findOne({ documentId: story.documentId, status: 'published' })
      ).not.toBeNull();
    });
  });
});
