import { MIGRATIONS } from '../../server/src/migrations';
import { runMigrations } from '../../server/src/migrations/run';
import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { issueCorrection, tick } from '../helpers/corrections';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { migrationRecord, rerunMigrations } from '../helpers/migrations';
import { rewindToPreviousRelease } from '../helpers/previous-release';
import { createSourcedStory, sourcingApi } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

type StoryRow = {
  id: number;
  title: string;
  dek: string | null;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  lastPublishedContent: unknown;
  revision: string | null;
};
type Violation = { code: string; path: string };

const time = (value: string | Date | null | undefined) =>
  value == null ? null : new Date(value).getTime();

/**
 * An upgrade from the previous release, on a real database (SQLite or PostgreSQL): the first boot
 * writes stories, corrections and a source document as the plugin does; the database is then
 * turned into the one the previous release's schema wrote (its later columns dropped, Strapi's
 * record of the synced schema without them, no record of migrations: see previous-release.ts);
 * the second boot upgrades it, as a newsroom's next deploy would. A third boot shows that a
 * migration, once recorded, does not run again.
 */
describe('data migrations on a database written by the previous release', () => {
  let database: TestDatabase;
  let secrets: Record<string, string>;
  let app: TestApp;
  // Written by the first boot, compared after the upgrade.
  let published: string; // published, corrected, then republished
  let unpublished: string; // published, corrected, then unpublished
  let pending: string; // published, edited, corrected, not yet republished
  let pendingCorrection: string;
  let draftOnly: string; // never published
  let sourceDocument: string;
  let firstCorrection: { documentId: string; issuedAt: string };
  let unpublishedCorrectedAt: string;
  let recordedContent: unknown;

  const rows = (documentId: string) =>
    app.strapi.db.query(UIDS.story).findMany({
      where: { documentId },
      orderBy: { publishedAt: 'desc' },
    }) as Promise<StoryRow[]>;
  const draftRow = async (documentId: string) =>
    (await rows(documentId)).find((row) => row.publishedAt === null)!;
  const publishedRow = async (documentId: string) =>
    (await rows(documentId)).find((row) => row.publishedAt !== null);

  beforeAll(async () => {
    database = await createTestDatabase();
    const previous = await bootStrapi({ database });
    secrets = previous.secrets;
    app = previous;
    try {
      const chief = await createAdminUser(app);
      const story = await createSourcedStory(app, {
        title: 'Sanctions expected',
        knownBy: chief.user.id,
      });
      published = story.documentId;
      expect((await sourcingApi(app, chief.token).approve(published)).status).toBe(200);
      await app.strapi.documents(UIDS.story).publish({ documentId: published });
      firstCorrection = await issueCorrection(app, chief.token, published, {
        kind: 'clarification',
        text: 'The sanctions were announced by the Treasury, not the State Department.',
      });
      await tick();
      // A republish with nothing reader-visible changed: its publication is later than the
      // correction, which is then the earliest sign of the story having been published.
      await app.strapi.documents(UIDS.story).publish({ documentId: published });
      recordedContent = (await draftRow(published)).lastPublishedContent;
      expect(recordedContent).toMatchObject({ title: 'Sanctions expected' });

      pending = (await createStory(app, { title: 'Fix pending', dek: 'Before the fix.' }))
        .documentId;
      await app.strapi
        .documents(UIDS.story)
        .update({ documentId: pending, data: { dek: 'After the fix.' } });
      await tick();
      pendingCorrection = (
        await issueCorrection(app, chief.token, pending, {
          kind: 'correction',
          text: 'An earlier version of this story gave the wrong dek for the report.',
        })
      ).documentId;

      unpublished = (await createStory(app, { title: 'Withdrawn story' })).documentId;
      unpublishedCorrectedAt = (
        await issueCorrection(app, chief.token, unpublished, {
          kind: 'retraction',
          text: 'This story has been withdrawn: its central claim could not be verified.',
        })
      ).issuedAt;
      await app.strapi.documents(UIDS.story).unpublish({ documentId: unpublished });

      draftOnly = (await createStory(app, { title: 'Never published' }, { publish: false }))
        .documentId;
      sourceDocument = (
        await app.strapi.db.query(UIDS.sourceDocument).findOne({ select: ['documentId'] })
      ).documentId;

      await rewindToPreviousRelease(app, { withoutFirstPublishedAt: [published, unpublished] });
    } finally {
      await previous.destroy();
    }
    app = await bootStrapi({ database, secrets });
  });

  afterAll(async () => {
    await app?.destroy();
    await database?.drop();
  });

  /** A public read's body from the snapshot, checked equal to the live composition's. */
  const servedAsComposedLive = async (path: string) => {
    const snapshot = app.strapi.plugin('intelligence-stories').service('public-snapshot');
    const read = async () => (await app.request().get(path).expect(200)).text;
    const fromSnapshot = await read();
    snapshot.serveFromSnapshot(false);
    try {
      expect(fromSnapshot).toBe(await read());
    } finally {
      snapshot.serveFromSnapshot(true);
    }
    return fromSnapshot;
  };

  it('runs every migration on the upgrade and records it', async () => {
    const migrated = await migrationRecord(app);
    expect(Object.keys(migrated).sort()).toEqual(MIGRATIONS.map(({ name }) => name).sort());
    expect(migrated['backfill-story-publications'].changed).toBeGreaterThan(0);
  });

  it('writes the public snapshot of the stories the previous release published, and only theirs', async () => {
    const snapshots = (await app.strapi.db.query(UIDS.publicStory).findMany({
      select: ['storyDocumentId'],
    })) as Array<{ storyDocumentId: string }>;
    expect(snapshots.map((row) => row.storyDocumentId).sort()).toEqual([published, pending].sort());
    expect((await migrationRecord(app))['snapshot-public-stories'].changed).toBe(2);

    // What the public routes serve from it is what the live composition serves.
    await grantPublicPermission(app, 'plugin::intelligence-stories.story.findOne');
    const fromSnapshot = await servedAsComposedLive(
      `/api/intelligence-stories/stories/${published}`
    );
    expect(JSON.parse(fromSnapshot).data.corrections).toHaveLength(1);
  });

  it("writes the feeds' rows of the published story's corrections, and not the withdrawn one's", async () => {
    const rows = (await app.strapi.db.query(UIDS.publicCorrection).findMany({
      select: ['storyDocumentId'],
    })) as Array<{ storyDocumentId: string }>;
    expect(rows.map((row) => row.storyDocumentId).sort()).toEqual([published, pending].sort());
    expect((await migrationRecord(app))['snapshot-public-corrections'].changed).toBe(2);

    await grantPublicPermission(app, 'plugin::intelligence-stories.correction.find');
    const fromSnapshot = await servedAsComposedLive('/api/intelligence-stories/corrections');
    // Public, as the previous release made every correction: newest first.
    expect(JSON.parse(fromSnapshot).data.map((c: { documentId: string }) => c.documentId)).toEqual([
      pendingCorrection,
      firstCorrection.documentId,
    ]);
  });

  it('binds a correction issued since the last publish to the draft it explains, and holds none', async () => {
    const corrections = (await app.strapi.db.query(UIDS.correction).findMany({
      select: ['documentId', 'storyDocumentId', 'held', 'draftFingerprint'],
    })) as Array<{
      documentId: string;
      storyDocumentId: string;
      held: boolean;
      draftFingerprint: string | null;
    }>;
    expect(corrections.map((c) => c.held)).toEqual([false, false, false]);
    const fingerprints = Object.fromEntries(
      corrections.map((c) => [c.storyDocumentId, c.draftFingerprint])
    );
    // Issued before the last publish, or on a story no longer published: it explains nothing
    // pending.
    expect(fingerprints[published]).toBeNull();
    expect(fingerprints[unpublished]).toBeNull();
    expect(fingerprints[pending]).toMatch(/^[0-9a-f]{64}$/);
    expect((await migrationRecord(app))['bind-earlier-corrections'].changed).toBe(4);

    // So the fix it was issued for goes through R9, as it would have before the upgrade.
    await app.strapi.documents(UIDS.story).publish({ documentId: pending });
    expect((await publishedRow(pending))!.dek).toBe('After the fix.');
  });

  it("rebuilds a published story's record of what readers saw from its published version", async () => {
    const live = (await publishedRow(published))!;
    for (const row of [await draftRow(published), live]) {
      expect(row.lastPublishedContent).toEqual(recordedContent);
      expect(time(row.lastPublishedAt)).toBe(time(live.publishedAt));
      // The earliest known publication: the correction predates the last publish.
      expect(time(row.firstPublishedAt)).toBe(time(firstCorrection.issuedAt));
    }
    expect(time(firstCorrection.issuedAt)).toBeLessThan(time(live.publishedAt)!);
  });

  it('refuses a silent change to a story published by the previous release (R9)', async () => {
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: published, data: { title: 'Sanctions expected this week' } });
    let violations: Violation[] = [];
    await expect(
      app.strapi
        .documents(UIDS.story)
        .publish({ documentId: published })
        .catch((error: { details?: { violations?: Violation[] } }) => {
          violations = error.details?.violations ?? [];
          throw error;
        })
    ).rejects.toThrow();
    expect(violations).toEqual([expect.objectContaining({ code: 'R9', path: 'title' })]);
    expect((await publishedRow(published))!.title).toBe('Sanctions expected');
  });

  it('dates an unpublished story from its corrections, and has nothing to say what readers saw', async () => {
    const draft = await draftRow(unpublished);
    expect(await publishedRow(unpublished)).toBeUndefined();
    expect(time(draft.firstPublishedAt)).toBe(time(unpublishedCorrectedAt));
    expect(draft.lastPublishedAt).toBeNull();
    expect(draft.lastPublishedContent).toBeNull();
  });

  it('leaves a never-published draft without a publication record', async () => {
    expect(await draftRow(draftOnly)).toMatchObject({
      firstPublishedAt: null,
      lastPublishedAt: null,
      lastPublishedContent: null,
    });
  });

  it('gives each draft a revision of its own, and each correction its issuer’s name', async () => {
    const revisions = [
      (await draftRow(published)).revision,
      (await draftRow(unpublished)).revision,
      (await draftRow(draftOnly)).revision,
      (
        await app.strapi.db
          .query(UIDS.sourceDocument)
          .findOne({ where: { documentId: sourceDocument, publishedAt: null } })
      ).revision,
    ];
    expect(revisions.every((revision) => typeof revision === 'string')).toBe(true);
    expect(new Set(revisions).size).toBe(revisions.length);
    const corrections = await app.strapi.db
      .query(UIDS.correction)
      .findMany({ select: ['issuedByName'] });
    expect(corrections).toEqual([
      { issuedByName: 'Test Admin' },
      { issuedByName: 'Test Admin' },
      { issuedByName: 'Test Admin' },
    ]);
  });

  it('runs a recorded migration no more: a later boot leaves what it would change', async () => {
    const before = await migrationRecord(app);
    // A row the story backfill would fill again if it ran: a draft with a published version and
    // no record of it.
    await app.strapi.documents(UIDS.story).publish({ documentId: draftOnly });
    await app.strapi.db
      .query(UIDS.story)
      .updateMany({ where: { documentId: draftOnly }, data: { lastPublishedContent: null } });
    await app.destroy();

    app = await bootStrapi({ database, secrets });
    expect(await migrationRecord(app)).toEqual(before);
    expect((await draftRow(draftOnly)).lastPublishedContent).toBeNull();

    // Forgotten, it runs again, and fills exactly that row.
    await rerunMigrations(app, 'backfill-story-publications');
    expect((await draftRow(draftOnly)).lastPublishedContent).toMatchObject({
      title: 'Never published',
    });
    expect((await migrationRecord(app))['backfill-story-publications'].changed).toBe(2);
  });

  it('rolls a failing migration back whole, unrecorded, and stops with its name', async () => {
    const failing = {
      name: 'test-failing-midway',
      async up() {
        await app.strapi.db
          .query(UIDS.story)
          .updateMany({ where: { documentId: draftOnly }, data: { dek: 'Half-migrated' } });
        throw new Error('the second half failed');
      },
    };
    await expect(runMigrations(app.strapi, [failing])).rejects.toThrow(
      'intelligence-stories: data migration "test-failing-midway" failed and was rolled back: the second half failed'
    );
    expect((await draftRow(draftOnly)).dek).not.toBe('Half-migrated');
    expect(await migrationRecord(app)).not.toHaveProperty('test-failing-midway');
  });
});
