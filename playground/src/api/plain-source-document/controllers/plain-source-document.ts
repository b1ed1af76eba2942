import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::plain-source-document.plain-source-document');
