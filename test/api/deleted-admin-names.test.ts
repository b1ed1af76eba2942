import { createAdminUser, grantRolePermission } from '../helpers/auth';
import { sourcesApi } from '../helpers/confidential-sources';
import { issueCorrection } from '../helpers/corrections';
import { rerunMigrations } from '../helpers/migrations';
import { createSourcedStory, sourcingApi } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type AdminUser = Awaited<ReturnType<typeof createAdminUser>>;

describe('who issued a correction or revealed a source outlives their admin account', () => {
  let app: TestApp;
  let chief: AdminUser;
  let storyDocumentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    const story = await createSourcedStory(app, { title: 'Named issuers', knownBy: chief.user.id });
    storyDocumentId = story.documentId;
    await sourcingApi(app, chief.token).approve(storyDocumentId);
    await app.strapi.documents(UIDS.story).publish({ documentId: storyDocumentId });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string) =>
    app
      .request()
      .get(`/intelligence-stories${path}`)
      .set('Authorization', `Bearer ${chief.token}`)
      .expect(200);

  /** A named admin user, as a newsroom has them; deleted later through the admin's own route. */
  const namedAdmin = async (firstname: string, lastname: string) => {
    const admin = await createAdminUser(app);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: admin.user.id }, data: { firstname, lastname } });
    return admin;
  };
  const deleteAdmin = (admin: AdminUser) =>
    app
      .request()
      .delete(`/admin/users/${admin.user.id}`)
      .set('Authorization', `Bearer ${chief.token}`)
      .expect(200);

  const deskIssuer = async (correctionDocumentId: string) => {
    const res = await get(`/stories/${storyDocumentId}/corrections`);
    return (res.body.data as Array<{ documentId: string; issuedBy: string | null }>).find(
      ({ documentId }) => documentId === correctionDocumentId
    )!.issuedBy;
  };

  it('a correction still names who issued it after the account is deleted, and nowhere public', async () => {
    const issuer = await namedAdmin('Grace', 'Issuer');
    const correction = await issueCorrection(app, issuer.token, storyDocumentId, {
      kind: 'correction',
      text: 'An earlier version of this story misstated the date of the report.',
    });
    expect(await deskIssuer(correction.documentId)).toBe('Grace Issuer');

    await deleteAdmin(issuer);
    const stored = await app.strapi
      .documents(UIDS.correction)
      .findOne({ documentId: correction.documentId, populate: ['issuedBy'] });
    // The relation is gone, as Strapi empties it; the name kept at issue remains.
    expect(stored).toMatchObject({ issuedBy: null, issuedByName: 'Grace Issuer' });
    expect(await deskIssuer(correction.documentId)).toBe('Grace Issuer');
    const all = await get('/desk/corrections');
    expect(JSON.stringify(all.body)).toContain('Grace Issuer');

    // The public record never carried the issuer, and still does not.
    for (const action of ['story.findOne', 'correction.find', 'correction.rss']) {
      await grantRolePermission(app, 'public', `plugin::intelligence-stories.${action}`);
    }
    for (const path of [`/stories/${storyDocumentId}`, '/corrections', '/corrections.rss']) {
      const res = await app.request().get(`/api/intelligence-stories${path}`).expect(200);
      expect(res.text).toContain('misstated the date');
      expect(res.text).not.toContain('Grace');
    }
  });

  it('a name sent with a correction is not taken: the server names the issuer', async () => {
    const res = await app
      .request()
      .post(`/intelligence-stories/stories/${storyDocumentId}/corrections`)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({
        kind: 'clarification',
        text: 'This story has been clarified to say who wrote the report.',
        issuedByName: 'Someone Else',
      });
    expect(res.status).toBe(400);
    // Code naming the issuer by id gets that admin's name, whatever name it sends along.
    const created = await app.strapi.documents(UIDS.correction).create({
      data: {
        storyDocumentId,
        kind: 'clarification',
        text: 'This story has been clarified to say who wrote the report.',
        issuedAt: new Date().toISOString(),
        issuedBy: chief.user.id,
        issuedByName: 'Someone Else',
      },
    });
    const stored = await app.strapi
      .documents(UIDS.correction)
      .findOne({ documentId: created.documentId });
    expect(stored!.issuedByName).toBe('Test Admin');
  });

  it('an access-log entry still names who revealed the source after the account is deleted', async () => {
    const source = await sourcesApi(app, chief.token).create({
      alias: 'NAMED-REVEAL',
      identity: 'A named official',
    });
    const revealer = await namedAdmin('Ada', 'Revealer');
    const revealerEmail = revealer.user.email;
    expect((await sourcesApi(app, revealer.token).reveal(source.body.data.documentId)).status).toBe(
      200
    );
    const entry = async () =>
      (
        await sourcesApi(app, chief.token).accessLog({
          sourceDocumentId: source.body.data.documentId,
        })
      ).body.data.find((row: { action: string }) => row.action === 'reveal');
    expect((await entry()).actor).toMatchObject({ id: revealer.user.id, name: 'Ada Revealer' });

    await deleteAdmin(revealer);
    expect((await entry()).actor).toEqual({
      id: null,
      firstname: null,
      lastname: null,
      name: 'Ada Revealer',
      email: revealerEmail,
    });
  });

  it('rows written before the snapshot get it on upgrade, from the account while it exists', async () => {
    const issuer = await namedAdmin('Old', 'Issuer');
    const correction = await issueCorrection(app, issuer.token, storyDocumentId, {
      kind: 'update',
      text: 'This story has been updated with the agency’s response.',
    });
    const source = await sourcesApi(app, chief.token).create({ alias: 'OLD-LOG', identity: 'x' });
    await sourcesApi(app, issuer.token).reveal(source.body.data.documentId);
    // What an earlier version stored: no snapshot.
    await app.strapi.db
      .query(UIDS.correction)
      .updateMany({ where: { documentId: correction.documentId }, data: { issuedByName: null } });
    await app.strapi.db.query(UIDS.sourceAccessLog).updateMany({
      where: { sourceDocumentId: source.body.data.documentId },
      data: { actorName: null },
    });

    await rerunMigrations(app, 'snapshot-admin-names');
    await deleteAdmin(issuer);
    expect(await deskIssuer(correction.documentId)).toBe('Old Issuer');
    const log = await sourcesApi(app, chief.token).accessLog({
      sourceDocumentId: source.body.data.documentId,
    });
    expect(
      log.body.data.map((row: { action: string; actor: { name: string } }) => [
        row.action,
        row.actor.name,
      ])
    ).toEqual([
      ['reveal', 'Old Issuer'],
      ['create', 'Test Admin'],
    ]);
  });
});
