import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::plain-correction.plain-correction');
