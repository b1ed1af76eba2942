// The plugin's server entry point, as Strapi knows a plugin by: `strapi-plugin build` bundles it
// into dist/server, which package.json's `./strapi-server` export points at.
export { default } from './server/src';
