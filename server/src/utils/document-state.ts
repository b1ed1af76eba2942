import type { Core } from '@strapi/strapi';

import type { DeskState } from '../../../shared/contracts/desk';

type DocumentMetadata = {
  getStatus(version: object, others: object[]): DeskState;
};

type Version = { documentId: string; updatedAt?: string; publishedAt?: string | null };

/**
 * A draft's state (draft, published, modified) as the Content Manager shows it, from the draft
 * and its published version if any: the two must agree, so it is the Content Manager's own rule.
 */
export const documentState = (strapi: Core.Strapi, draft: Version, live: Version | undefined) =>
  (
    strapi.plugin('content-manager').service('document-metadata') as unknown as DocumentMetadata
  ).getStatus(draft, live ? [live] : []);
