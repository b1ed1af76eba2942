import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::plain-source-document.plain-source-document');
