import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::plain-story.plain-story');
