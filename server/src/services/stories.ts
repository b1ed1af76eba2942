import type { Core } from '@strapi/strapi';

import { STORY_UID } from '../utils/plugin-id';
import type { PublicQuery } from './public-api';

const stories = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Published stories only: the status is fixed here, never taken from the request.
   */
  async findPublished(query: PublicQuery<typeof STORY_UID>) {
    const { filters, sort, fields, populate, pagination } = query;
    const documents = strapi.documents(STORY_UID);

    const [results, total] = await Promise.all([
      documents.findMany({ filters, sort, fields, populate, ...pagination, status: 'published' }),
      documents.count({ filters, status: 'published' }),
    ]);

    return { results, total };
  },
});

export default stories;
