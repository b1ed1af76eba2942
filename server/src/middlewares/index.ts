import { httpCache } from './http-cache';

/**
 * Middlewares Strapi knows by name (`plugin::intelligence-stories.<name>`), for routes that need
 * the running app (its config) and so cannot take a plain function. The rest of this folder are
 * plain route middlewares, imported where they are used.
 */
export default {
  'http-cache': httpCache,
};
