import type { TestApp } from './strapi';
import { UIDS } from './uids';

/** A source's current revision: what an editor who has just loaded it sends with an edit. */
export const sourceRevision = async (app: TestApp, documentId: string) =>
  ((
    await app.strapi
      .documents(UIDS.confidentialSource)
      .findOne({ documentId, fields: ['revision'] })
  )?.revision ?? null) as string | null;

/** The plugin's confidential-source admin routes, as the admin panel calls them. */
export const sourcesApi = (app: TestApp, token: string) => {
  const auth = { Authorization: `Bearer ${token}` };
  const base = '/intelligence-stories/confidential-sources';
  return {
    list: () => app.request().get(base).set(auth),
    findOne: (documentId: string) => app.request().get(`${base}/${documentId}`).set(auth),
    reveal: (documentId: string) =>
      app.request().post(`${base}/${documentId}/reveal`).set(auth).send({}),
    create: (body: Record<string, unknown>) => app.request().post(base).set(auth).send(body),
    /** Edits as an editor who loaded the current revision, unless `body.revision` says otherwise. */
    update: async (documentId: string, body: Record<string, unknown>) =>
      app
        .request()
        .put(`${base}/${documentId}`)
        .set(auth)
        .send(
          'revision' in body ? body : { revision: await sourceRevision(app, documentId), ...body }
        ),
    editors: () => app.request().get(`${base}/editors`).set(auth),
    accessLog: (query: Record<string, string> = {}) =>
      app.request().get(`${base}/access-log`).query(query).set(auth),
  };
};

export const SOURCE_ACTIONS = {
  readSourcing: 'plugin::intelligence-stories.sourcing.read',
  reveal: 'plugin::intelligence-stories.confidential-sources.read',
  manage: 'plugin::intelligence-stories.confidential-sources.manage',
} as const;
