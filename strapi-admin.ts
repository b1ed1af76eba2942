// The plugin's admin entry point, as Strapi knows a plugin by: `strapi-plugin build` bundles it
// into dist/admin, which package.json's `./strapi-admin` export points at.
export { default } from './admin/src';
