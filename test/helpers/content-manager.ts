import type { TestApp } from './strapi';

/**
 * Writes through the Content Manager's admin HTTP API, the path an editor's browser takes.
 */
export const contentManager = (app: TestApp, token: string) => {
  const base = (uid: string) => `/content-manager/collection-types/${uid}`;
  const auth = { Authorization: `Bearer ${token}` };

  return {
    create: (uid: string, data: Record<string, unknown>) =>
      app.request().post(base(uid)).set(auth).send(data),
    update: (uid: string, documentId: string, data: Record<string, unknown>) =>
      app
        .request()
        .put(`${base(uid)}/${documentId}`)
        .set(auth)
        .send(data),
    publish: (uid: string, documentId: string) =>
      app
        .request()
        .post(`${base(uid)}/${documentId}/actions/publish`)
        .set(auth)
        .send({}),
  };
};

/** The field paths a ValidationError response names, e.g. ['citations.0.page']. */
export const errorPaths = (body: {
  error?: { details?: { errors?: Array<{ path: Array<string | number>; message: string }> } };
}) => (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));
