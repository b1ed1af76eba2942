export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/stories',
      handler: 'story.find',
      config: { policies: [] },
    },
  ],
};
