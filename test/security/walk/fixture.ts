import crypto from 'crypto';

import { ENCRYPTED_SOURCE_FIELDS } from '../../../server/src/encryption/fields';
import { createAdminUser } from '../../helpers/auth';
import { issueCorrection } from '../../helpers/corrections';
import { GOOD_QUOTE, sourcingApi } from '../../helpers/sourcing';
import type { TestApp } from '../../helpers/strapi';
import { UIDS } from '../../helpers/uids';
import { isPluginUid, privateAttributes } from './schemas';

/**
 * Who may receive a canary. Entitlement is decided by the caller's own permissions (see
 * entitlement.ts), never by the route, except for identities, which only the reveal route serves.
 */
export type CanaryClass =
  /** Password hashes, registration and reset tokens, API token hashes, `isenc:` envelopes. */
  | { kind: 'never' }
  /** A confidential source's decrypted identity fields. */
  | { kind: 'identity' }
  | { kind: 'alias' }
  | { kind: 'admin-email'; ownerId: number }
  | { kind: 'api-token-key' }
  /** Any other `private: true` attribute's value, owned by the schema it is stored in. */
  | { kind: 'private'; uid: string };

export type Canary = { value: string; label: string; class: CanaryClass };

export const canaryValue = (label: string) =>
  `Cy${label.replace(/[^A-Za-z]/g, '').slice(0, 6)}${crypto.randomBytes(9).toString('hex')}`;

// Every field the register encrypts gets a canary, from the server's own list.
const IDENTITY_FIELDS = ENCRYPTED_SOURCE_FIELDS;

export type Fixture = {
  canaries: Canary[];
  chief: { id: number; email: string; token: string };
  /** Admins who are nobody's caller: the walk may delete or edit them without losing a session. */
  bystanderAdminIds: number[];
  /** documentIds (and, for components, row ids) of seeded rows, by schema uid. */
  ids: Map<string, string[]>;
  storySlug: string;
  bystanderApiTokenId: number;
  bystanderEndUserId: number;
};

const adminDb = (app: TestApp) => app.strapi.db.query('admin::user');

/**
 * Seeds the register, stories, corrections, an app type and admin accounts with canaries in every
 * confidential place, through the same paths an editor's work takes (Content Manager, the plugin's
 * routes), so that createdBy, issuedBy, approvedBy and the access log hold real admins.
 */
export const seedFixture = async (app: TestApp): Promise<Fixture> => {
  const canaries: Canary[] = [];
  const add = (value: string, label: string, canaryClass: CanaryClass) => {
    canaries.push({ value, label, class: canaryClass });
    return value;
  };
  const chief = await createAdminUser(app);
  const auth = { Authorization: `Bearer ${chief.token}` };

  // Two admins nobody logs in as: they know the sources and hold live-looking tokens.
  const bystanders = await Promise.all(
    ['knower', 'approver'].map(async (name) => {
      const editor = await app.strapi.db
        .query('admin::role')
        .findOne({ where: { code: 'strapi-editor' } });
      const user = await app.strapi.service('admin::user').create({
        email: `${name}-${crypto.randomBytes(5).toString('hex')}@walk.test`,
        password: 'Walk-password-1',
        firstname: name,
        lastname: 'Bystander',
        isActive: true,
        roles: [editor.id],
      });
      await adminDb(app).update({
        where: { id: user.id },
        data: {
          registrationToken: add(canaryValue('regtoken'), `${name}.registrationToken`, {
            kind: 'never',
          }),
          resetPasswordToken: add(canaryValue('resettoken'), `${name}.resetPasswordToken`, {
            kind: 'never',
          }),
        },
      });
      return user as { id: number; email: string };
    })
  );

  // A source document created in the Content Manager, so its createdBy is an admin row.
  const sourceDocumentRes = await app
    .request()
    .post(`/content-manager/collection-types/${UIDS.sourceDocument}`)
    .set(auth)
    .send({
      title: 'Walked report',
      issuer: 'ODNI',
      pageCount: 12,
      classification: 'declassified',
    });
  if (sourceDocumentRes.status !== 201) {
    throw new Error(
      `seeding a source document: ${sourceDocumentRes.status} ${sourceDocumentRes.text}`
    );
  }
  const sourceDocumentId = sourceDocumentRes.body.data.documentId as string;
  await app.strapi.documents(UIDS.sourceDocument).publish({ documentId: sourceDocumentId });

  const sources = await Promise.all(
    ['one', 'two'].map((name) =>
      app.strapi.documents(UIDS.confidentialSource).create({
        data: {
          alias: add(canaryValue('alias'), `source ${name}.alias`, { kind: 'alias' }),
          ...(Object.fromEntries(
            IDENTITY_FIELDS.map((field) => [
              field,
              add(canaryValue(field), `source ${name}.${field}`, { kind: 'identity' }),
            ])
          ) as Record<(typeof IDENTITY_FIELDS)[number], string>),
          editorsWhoKnow: [bystanders[0].id, bystanders[1].id],
        },
      })
    )
  );

  const storyPrivate = { kind: 'private' as const, uid: UIDS.story };
  const quotePrivate = { kind: 'private' as const, uid: 'intelligence-stories.anonymous-quote' };
  const stories = [];
  for (const [index, source] of sources.entries()) {
    const title = `Walked story ${index + 1}`;
    const story = await app.strapi.documents(UIDS.story).create({
      data: {
        title,
        slug: `walked-story-${index + 1}`,
        kind: 'news',
        editorNotes: add(canaryValue('notes'), `story ${index + 1}.editorNotes`, storyPrivate),
        bylines: [{ name: 'A. Reporter' }],
        sourceDocuments: [sourceDocumentId],
        citations: [
          {
            sourceDocument: sourceDocumentId,
            page: 3,
            passage: 'A passage',
            passageType: 'paraphrase',
          },
        ],
        anonymousQuotes: [
          {
            ...GOOD_QUOTE,
            howSourceKnows: add(
              canaryValue('how'),
              `story ${index + 1}.howSourceKnows`,
              quotePrivate
            ),
            confidentialSource: source.documentId,
          },
        ],
      },
    });
    // The Content Manager would have stamped its author; the Document Service does not.
    await app.strapi.db
      .query(UIDS.story)
      .updateMany({ where: { documentId: story.documentId }, data: { createdBy: chief.user.id } });
    stories.push(story);
  }

  // Approval by an admin (approvedBy, approvalComment), then publication (lastPublishedContent).
  const approval = await sourcingApi(app, chief.token).approve(stories[0].documentId, 0, {
    comment: add(canaryValue('comment'), 'story 1.approvalComment', quotePrivate),
  });
  if (approval.status !== 200) {
    throw new Error(`seeding an approval: ${approval.status} ${approval.text}`);
  }
  await app.strapi.documents(UIDS.story).publish({ documentId: stories[0].documentId });
  await issueCorrection(app, chief.token, stories[0].documentId, {
    kind: 'correction',
    text: 'An earlier version of this story misstated the date of the report.',
  });
  // A reveal writes the access log: who (admin and e-mail), which source, its alias.
  const reveal = await app
    .request()
    .post(`/intelligence-stories/confidential-sources/${sources[0].documentId}/reveal`)
    .set(auth)
    .send({});
  if (reveal.status !== 200) {
    throw new Error(`seeding a reveal: ${reveal.status} ${reveal.text}`);
  }

  // An app type of the playground (hidden from the Content Manager, as the benchmark's types are),
  // written from code as an app would; its createdBy is the chief too, as for the stories.
  const plain: { documentId: string } = await app.strapi
    .documents('api::plain-story.plain-story' as never)
    .create({
      data: { title: 'Plain walked story', slug: 'plain-walked-story', kind: 'news' } as never,
    });
  await app.strapi.db
    .query('api::plain-story.plain-story' as never)
    .updateMany({ where: { documentId: plain.documentId }, data: { createdBy: chief.user.id } });

  const bystanderToken = await app.strapi.service('admin::api-token').create({
    name: `walk-bystander-${crypto.randomBytes(4).toString('hex')}`,
    type: 'read-only',
    lifespan: null,
  });
  add(bystanderToken.accessKey, 'bystander API token accessKey', { kind: 'api-token-key' });

  const bystanderEndUser = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `bystander-${crypto.randomBytes(4).toString('hex')}`,
      email: `bystander-${crypto.randomBytes(4).toString('hex')}@walk.test`,
      password: 'Walk-password-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
    });

  const ids = await collectIds(app);
  return {
    canaries,
    chief: { id: chief.user.id, email: chief.user.email, token: chief.token },
    bystanderAdminIds: bystanders.map(({ id }) => id),
    ids,
    storySlug: 'walked-story-1',
    bystanderApiTokenId: bystanderToken.id as number,
    bystanderEndUserId: bystanderEndUser.id as number,
  };
};

/** Where collectIds keeps a type's row ids, for routes that take those rather than documentIds. */
export const numericIdsOf = (uid: string) => `${uid}#id`;

/** The documentIds of every walked content type, and the row ids of the plugin's components. */
const collectIds = async (app: TestApp) => {
  const ids = new Map<string, string[]>();
  for (const uid of Object.keys(app.strapi.contentTypes)) {
    const rows = (await app.strapi.db
      .query(uid)
      .findMany({ select: ['id', 'documentId'], limit: 50 })) as Array<{
      id: number;
      documentId?: string;
    }>;
    ids.set(uid, [...new Set(rows.map((row) => row.documentId ?? String(row.id)))]);
    ids.set(numericIdsOf(uid), [...new Set(rows.map((row) => String(row.id)))]);
  }
  for (const uid of Object.keys(app.strapi.components).filter(isPluginUid)) {
    const rows = (await app.strapi.db.query(uid).findMany({ select: ['id'], limit: 50 })) as Array<{
      id: number;
    }>;
    ids.set(
      uid,
      rows.map((row) => String(row.id))
    );
  }
  return ids;
};

const stringLeaves = (value: unknown): string[] => {
  if (typeof value === 'string') {
    return [value];
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(stringLeaves);
  }
  return [];
};

// Shorter values (enumerations, numbers as text) would match innocent text in answers.
const MIN_HARVESTED_LENGTH = 16;

/**
 * Everything stored that no caller outside its entitlement may receive, harvested after the seed:
 * every admin's and user's password hash and tokens, API token hashes and keys, every `isenc:`
 * envelope, and the value of every `private: true` attribute of the plugin's schemas, read from
 * the schemas at run time so that a private attribute added later is covered without an edit.
 * A private value also stored in a public attribute somewhere (a documentId, a file's digest) is
 * no secret and is left out.
 */
export const harvestStoredCanaries = async (app: TestApp, seeded: Canary[]): Promise<Canary[]> => {
  const known = new Set(seeded.map(({ value }) => value));
  const harvested: Canary[] = [];
  const add = (value: string, label: string, canaryClass: CanaryClass) => {
    if (!known.has(value)) {
      known.add(value);
      harvested.push({ value, label, class: canaryClass });
    }
  };

  const admins = (await adminDb(app).findMany({
    select: ['id', 'email', 'password', 'registrationToken', 'resetPasswordToken'],
  })) as Array<Record<string, string | number | null>>;
  for (const admin of admins) {
    add(String(admin.email), `admin ${admin.id} e-mail`, {
      kind: 'admin-email',
      ownerId: Number(admin.id),
    });
    for (const field of ['password', 'registrationToken', 'resetPasswordToken']) {
      if (admin[field]) {
        add(String(admin[field]), `admin ${admin.id} ${field}`, { kind: 'never' });
      }
    }
  }
  const users = (await app.strapi.db
    .query('plugin::users-permissions.user')
    .findMany({ select: ['id', 'password', 'resetPasswordToken', 'confirmationToken'] })) as Array<
    Record<string, string | number | null>
  >;
  for (const user of users) {
    for (const field of ['password', 'resetPasswordToken', 'confirmationToken']) {
      if (user[field]) {
        add(String(user[field]), `end user ${user.id} ${field}`, { kind: 'never' });
      }
    }
  }
  const tokens = (await app.strapi.db
    .query('admin::api-token')
    .findMany({ select: ['id', 'accessKey', 'encryptedKey'] })) as Array<
    Record<string, string | number | null>
  >;
  for (const token of tokens) {
    add(String(token.accessKey), `API token ${token.id} hash`, { kind: 'never' });
    if (token.encryptedKey) {
      add(String(token.encryptedKey), `API token ${token.id} encrypted key`, { kind: 'never' });
    }
  }

  const publicValues = new Set<string>();
  const privateValues: Array<{ value: string; label: string; uid: string }> = [];
  const pluginUids = [
    ...Object.keys(app.strapi.contentTypes),
    ...Object.keys(app.strapi.components),
  ].filter(isPluginUid);
  for (const uid of [
    ...pluginUids,
    ...Object.keys(app.strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
  ]) {
    const privateNames = new Set(privateAttributes(app.strapi, uid).map(({ name }) => name));
    const rows = (await app.strapi.db.query(uid).findMany({})) as Array<Record<string, unknown>>;
    for (const row of rows) {
      for (const [name, value] of Object.entries(row)) {
        for (const leaf of stringLeaves(value)) {
          if (leaf.length < MIN_HARVESTED_LENGTH) {
            continue;
          }
          if (leaf.startsWith('isenc:')) {
            add(leaf, `${uid}.${name} envelope`, { kind: 'never' });
          } else if (privateNames.has(name)) {
            privateValues.push({ value: leaf, label: `${uid}.${name}`, uid });
          } else {
            publicValues.add(leaf);
          }
        }
      }
    }
  }
  // Attribute names (a log row lists which fields changed) are in every schema answer.
  const attributeNames = new Set(
    [...Object.values(app.strapi.contentTypes), ...Object.values(app.strapi.components)].flatMap(
      (schema) => Object.keys(schema.attributes)
    )
  );
  for (const { value, label, uid } of privateValues) {
    if (!publicValues.has(value) && !attributeNames.has(value)) {
      add(value, label, { kind: 'private', uid });
    }
  }
  return harvested;
};
