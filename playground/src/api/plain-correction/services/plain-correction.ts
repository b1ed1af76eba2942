import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::plain-correction.plain-correction');
