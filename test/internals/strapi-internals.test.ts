import type { Modules, UID } from '@strapi/strapi';

import { MIGRATIONS } from '../../server/src/migrations';
import { DRAFT_ACTIONS } from '../../server/src/route-guards/content-manager-actions';
import { RELATION_HANDLERS } from '../../server/src/route-guards/relation-routes';
import { SUPPORTED_DATABASE_CLIENTS } from '../../server/src/strapi-internals/database';
import { createAdminUser } from '../helpers/auth';
import { migrationRecord } from '../helpers/migrations';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory, createStoryDraft } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

type Route = {
  method: string;
  path: string;
  handler: string;
  config?: { middlewares?: unknown[] };
};
type ProviderAction = { actionId: string; subjects?: string[] };

/**
 * The Strapi internals the plugin relies on (docs/architecture.md, "Strapi internals"), each
 * pinned against the running Strapi: when an upgrade changes one, its test fails with a message
 * naming the internal and the plugin's files that use it. They are undocumented, or documented
 * without the detail the plugin depends on; checked against Strapi 5.54.0.
 */
describe('the Strapi internals the plugin relies on', () => {
  let app: TestApp;
  let admin: { token: string; user: { id: number } };

  beforeAll(async () => {
    app = await bootStrapi();
    admin = await createAdminUser(app);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  /** A test whose failure names the internal and where the plugin uses it. */
  const pin = (internal: string, usedIn: string[], check: () => Promise<void> | void) =>
    it(internal, async () => {
      try {
        await check();
      } catch (error) {
        const failure = error as Error;
        failure.message = `The Strapi internal "${internal}" is not what ${usedIn.join(', ')} relies on; see docs/architecture.md.\n${failure.message}`;
        throw failure;
      }
    });

  const contentManagerRoutes = () =>
    (app.strapi.plugin('content-manager').routes as unknown as { admin: { routes: Route[] } }).admin
      .routes;

  pin(
    "component registration: strapi.get('components') and the shape Strapi's loader gives a component",
    ['server/src/strapi-internals/components.ts', 'server/src/register.ts'],
    () => {
      // An app component, loaded by Strapi itself, next to one of the plugin's.
      const loaded = app.strapi.components['plain.byline' as UID.Component] as object;
      const ours = app.strapi.components['intelligence-stories.byline'] as object;
      const addedByLoader = (component: object & { __schema__?: object }) =>
        Object.keys(component)
          .filter((key) => !(key in (component.__schema__ ?? {})) && key !== '__filename__')
          .sort();
      expect(loaded).toBeDefined();
      expect(addedByLoader(ours)).toEqual(addedByLoader(loaded));
      expect(app.strapi.db.metadata.get('intelligence-stories.byline').tableName).toBe(
        'components_intel_bylines'
      );
    }
  );

  pin(
    "the Content Manager's admin routes: plugin('content-manager').routes.admin.routes, by handler name",
    [
      'server/src/strapi-internals/content-manager.ts',
      'server/src/register.ts',
      'server/src/route-guards/content-manager-actions.ts',
      'server/src/route-guards/relation-routes.ts',
      'server/src/middlewares/content-manager-bodies.ts',
    ],
    () => {
      const routes = contentManagerRoutes();
      const handlers = new Set(routes.map(({ handler }) => handler));
      for (const handler of [...DRAFT_ACTIONS, ...RELATION_HANDLERS, 'uid.generateUID']) {
        expect({ handler, exists: handlers.has(handler) }).toEqual({ handler, exists: true });
      }
      const bulkPublish = routes.find(({ handler }) => handler === 'collection-types.bulkPublish')!;
      expect(bulkPublish.method).toBe('POST');
      // The guard and the bulk-publish gate withGuard added are on the route object Strapi mounted.
      expect(bulkPublish.config?.middlewares?.length).toBeGreaterThan(0);
    }
  );

  pin(
    "the Content Manager's uid service: generateUIDField({ contentTypeUID, field, data })",
    ['server/src/document-middlewares/story-slug.ts'],
    async () => {
      const slug = await app.strapi
        .plugin('content-manager')
        .service('uid')
        .generateUIDField({
          contentTypeUID: UIDS.story,
          field: 'slug',
          data: { title: 'A Title To Slugify' },
        });
      expect(slug).toBe('a-title-to-slugify');
    }
  );

  pin(
    "the Content Manager's document-metadata service: getStatus(version, otherVersions)",
    ['server/src/utils/document-state.ts'],
    () => {
      const metadata = app.strapi.plugin('content-manager').service('document-metadata');
      const draft = { documentId: 'd', publishedAt: null, updatedAt: '2026-01-02T00:00:00.000Z' };
      const live = {
        documentId: 'd',
        publishedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      expect(metadata.getStatus(draft, [])).toBe('draft');
      expect(metadata.getStatus(draft, [live])).toBe('modified');
      expect(metadata.getStatus({ ...draft, updatedAt: live.updatedAt }, [live])).toBe('published');
    }
  );

  pin(
    "the Content Manager's permission-checker service: create({ userAbility, model }).cannot.read",
    ['server/src/route-guards/relation-routes.ts'],
    async () => {
      const user = await app.strapi.db
        .query('admin::user')
        .findOne({ where: { id: admin.user.id }, populate: ['roles'] });
      const userAbility = await app.strapi
        .service('admin::permission')
        .engine.generateUserAbility(user);
      const checker = app.strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility, model: UIDS.story });
      expect(typeof checker.cannot.read).toBe('function');
      expect(checker.cannot.read(null, 'title')).toBe(false);
    }
  );

  pin(
    "ctx.state.userAbility on the admin's routes, with can(action)",
    [
      'server/src/route-guards/relation-routes.ts',
      'server/src/route-guards/admin-emails.ts',
      'server/src/route-guards/egress.ts',
    ],
    async () => {
      // The confidential-source picker answers only an admin whose ability grants sourcing.read.
      const res = await app
        .request()
        .get(`/content-manager/relations/${UIDS.anonymousQuote}/confidentialSource`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect({ status: res.status, body: res.body.error ?? null }).toEqual({
        status: 200,
        body: null,
      });
    }
  );

  pin(
    'strapi.server.routes(input): every router is mounted through it, with route.info filled',
    ['server/src/strapi-internals/server-routes.ts', 'server/src/route-guards/index.ts'],
    async () => {
      // A Content Manager route naming a register type is refused by the guard the plugin puts in
      // front of every route it sees there; Strapi's own answer would be a plain 403.
      const res = await app
        .request()
        .get(`/content-manager/collection-types/${UIDS.confidentialSource}`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/served only by the Intelligence stories register/);
    }
  );

  pin(
    "the admin's action provider: strapi.service('admin::permission').actionProvider, registerMany and hooks.willRegister",
    [
      'server/src/strapi-internals/admin-permissions.ts',
      'server/src/bootstrap.ts',
      'server/src/route-guards/content-manager-subjects.ts',
    ],
    () => {
      const provider = app.strapi.service('admin::permission').actionProvider as {
        registerMany: unknown;
        hooks: { willRegister: { register: unknown } };
        get(actionId: string): ProviderAction | undefined;
      };
      expect(typeof provider.registerMany).toBe('function');
      expect(typeof provider.hooks.willRegister.register).toBe('function');
      expect(provider.get('plugin::intelligence-stories.sourcing.read')).toBeDefined();
      // What the willRegister handler did to the Content Manager's actions.
      const read = provider.get('plugin::content-manager.explorer.read')!;
      expect(read.subjects).toContain(UIDS.story);
      expect(read.subjects).not.toContain(UIDS.confidentialSource);
      expect(read.subjects).not.toContain(UIDS.sourceAccessLog);
    }
  );

  pin(
    'the strapi::content-types.afterSync hook, called at boot after the schema sync',
    ['server/src/strapi-internals/schema-sync.ts', 'server/src/register.ts'],
    async () => {
      const hook = app.strapi.hook('strapi::content-types.afterSync');
      expect(typeof hook.register).toBe('function');
      expect(Object.keys(await migrationRecord(app)).sort()).toEqual(
        MIGRATIONS.map(({ name }) => name).sort()
      );
    }
  );

  pin(
    'strapi.db.metadata: table and column names of the models, as the database has them',
    [
      'server/src/strapi-internals/database.ts',
      'server/src/services/correction-feed.ts',
      'server/src/services/document-text.ts',
    ],
    async () => {
      const used: Array<[UID.Schema, string[]]> = [
        [UIDS.correction, ['id', 'storyDocumentId', 'issuedAt', 'kind']],
        [UIDS.story, ['documentId', 'publishedAt']],
        ['plugin::intelligence-stories.source-document-text', ['id', 'pages']],
      ];
      for (const [uid, attributes] of used) {
        const { tableName, attributes: columns } = app.strapi.db.metadata.get(uid);
        const names = attributes.map(
          (attribute) => (columns[attribute] as { columnName?: string }).columnName
        );
        expect(names.every((name) => typeof name === 'string')).toBe(true);
        // The names select from the real table.
        await expect(
          app.strapi.db
            .connection(tableName)
            .select(names as string[])
            .limit(1)
        ).resolves.toBeDefined();
      }
    }
  );

  pin(
    'strapi.db.connection (knex) and strapi.db.dialect.client, for raw SQL per database',
    [
      'server/src/strapi-internals/database.ts',
      'server/src/services/document-text.ts',
      'server/src/services/confidential-sources.ts',
    ],
    async () => {
      const client = app.strapi.db.dialect.client;
      expect(SUPPORTED_DATABASE_CLIENTS).toContain(client);
      expect(client).toBe(app.database.client);
      const knex = app.strapi.db.connection;
      if (client === 'postgres') {
        const { rows } = await knex.raw(
          `select page.text from jsonb_array_elements_text('["one"]'::jsonb) as page(text)
            where to_tsvector('english', page.text) @@ websearch_to_tsquery('english', 'one')`
        );
        expect(rows).toEqual([{ text: 'one' }]);
      } else {
        const rows = await knex.raw(
          `select page.key, page.value from json_each('["one"]') as page`
        );
        expect(rows).toEqual([{ key: 0, value: 'one' }]);
      }
    }
  );

  pin(
    'query-engine writes to a draft row (publishedAt null), which publish copies to the published row',
    [
      'server/src/document-middlewares/record-publication.ts',
      'server/src/services/revisions.ts',
      'server/src/services/approvals.ts',
      'server/src/migrations/*',
    ],
    async () => {
      const story = await createStory(app, { title: 'Query engine writes' }, { publish: false });
      const { count } = await app.strapi.db.query(UIDS.story).updateMany({
        where: { documentId: story.documentId, publishedAt: null },
        data: { editorNotes: 'Written past the Document Service' },
      });
      expect(count).toBe(1);
      await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
      const published = await app.strapi.db.query(UIDS.story).findOne({
        where: { documentId: story.documentId, publishedAt: { $notNull: true } },
      });
      expect(published.editorNotes).toBe('Written past the Document Service');
    }
  );

  pin(
    'Document Service middlewares: one ctx object through the chain, ctx.params.data replaceable',
    [
      'server/src/document-middlewares/publish-gate.ts',
      'server/src/document-middlewares/record-publication.ts',
      'server/src/utils/assessed-drafts.ts',
      'server/src/document-middlewares/stamp-revisions.ts',
    ],
    async () => {
      const seen = new WeakMap<object, string>();
      let passedOn = false;
      type Middleware = Modules.Documents.Middleware.Middleware;
      const first: Middleware = async (ctx, next) => {
        if (ctx.uid === UIDS.story && ctx.action === 'create') {
          seen.set(ctx, 'first');
          const params = ctx.params as { data?: Record<string, unknown> };
          params.data = { ...params.data, dek: 'Set by a middleware' };
        }
        return next();
      };
      const second: Middleware = async (ctx, next) => {
        if (ctx.uid === UIDS.story && ctx.action === 'create') {
          passedOn = seen.get(ctx) === 'first';
        }
        return next();
      };
      const removals = [
        app.strapi.documents.use(first),
        app.strapi.documents.use(second),
      ] as unknown as Array<() => void>;
      try {
        const created = await createStoryDraft(app, { title: 'Middleware chain', kind: 'news' });
        expect(passedOn).toBe(true);
        expect(created.dek).toBe('Set by a middleware');
      } finally {
        removals.forEach((remove) => remove());
      }
    }
  );

  pin(
    'strapi.db.transaction: nested calls and query-engine calls join the open transaction',
    [
      'server/src/document-middlewares/publish-gate.ts',
      'server/src/document-middlewares/record-publication.ts',
      'server/src/services/revisions.ts',
      'server/src/migrations/run.ts',
    ],
    async () => {
      const story = await createStoryDraft(app, { title: 'Rolled back', kind: 'news' });
      const write = (dek: string) =>
        app.strapi.db
          .query(UIDS.story)
          .updateMany({ where: { documentId: story.documentId }, data: { dek } });
      await expect(
        app.strapi.db.transaction(async () => {
          await write('outer');
          await app.strapi.db.transaction(() => write('inner'));
          throw new Error('rolled back');
        })
      ).rejects.toThrow('rolled back');
      const row = await app.strapi.db
        .query(UIDS.story)
        .findOne({ where: { documentId: story.documentId } });
      expect(row.dek).toBeNull();
    }
  );
});
