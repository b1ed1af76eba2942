import type { Core } from '@strapi/strapi';

import type { DeskState } from '../../../shared/contracts/desk';
import { contentManagerService } from '../strapi-internals/content-manager';

type Version = { documentId: string; updatedAt?: string; publishedAt?: string | null };

/**
 * A draft's state (draft, published, modified) as the Content Manager shows it, from the draft
 * and its published version if any: the two must agree, so it is the Content Manager's own rule.
 */
export const documentState = (
  strapi: Core.Strapi,
  draft: Version,
  live: Version | undefined
): DeskState =>
  contentManagerService(strapi, 'document-metadata').getStatus(draft, live ? [live] : []);
