import type { TestApp } from './strapi';

export const ISSUE_CORRECTIONS = 'plugin::intelligence-stories.corrections.issue';

/** Issues a correction through the admin route, as the desk does, and returns its public form. */
export const issueCorrection = async (
  app: TestApp,
  token: string,
  storyDocumentId: string,
  body: { kind: string; text: string; supersedes?: string }
) => {
  const res = await app
    .request()
    .post(`/intelligence-stories/stories/${storyDocumentId}/corrections`)
    .set('Authorization', `Bearer ${token}`)
    .send(body);
  if (res.status !== 201) {
    throw new Error(`issuing a correction failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.data as {
    documentId: string;
    kind: string;
    text: string;
    issuedAt: string;
    lateReason: string | null;
    supersedes: string | null;
    held: boolean;
    /** The story's language version it corrects. */
    locale: string | null;
  };
};

/** Timestamps in the database have millisecond precision: space issues so their order is known. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
