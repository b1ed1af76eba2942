// One Strapi instance of the playground in its own process, for the multi-instance tests: boots
// like test/helpers/strapi.ts (database and secrets come from the environment), listens on a free
// loopback port, and tells its parent which one. Strapi handles SIGTERM itself (it destroys the app
// and exits); SIGKILL is the fault.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const playground = path.resolve(__dirname, '..', '..', 'playground');

const main = async () => {
  const strapi = await createStrapi({
    appDir: playground,
    // Another compiled app (a variant of the playground's config) when the test names one.
    distDir: process.env.INSTANCE_DIST_DIR || path.join(playground, 'dist'),
  }).load();
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  process.send({ ready: true, port: strapi.server.httpServer.address().port });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
