import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::plain-source-document.plain-source-document');
