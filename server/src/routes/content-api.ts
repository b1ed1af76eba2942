// Read-only and published-only. Confidential sources have no route here, and corrections are
// only read: they are issued through the admin API. Every route answers with HTTP caching headers
// (middlewares/http-cache), which is what a cache in front relies on (docs/behind-a-cache.md).
const route = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler,
  config: { policies: [], middlewares: ['plugin::intelligence-stories.http-cache'] },
});

export default {
  type: 'content-api',
  routes: [
    route('/stories', 'story.find'),
    route('/stories/:slugOrDocumentId', 'story.findOne'),
    route('/stories/:slugOrDocumentId/jsonld', 'story.jsonld'),
    route('/source-documents', 'source-document.find'),
    route('/source-documents/:documentId', 'source-document.findOne'),
    route('/corrections', 'correction.find'),
    route('/corrections.rss', 'correction.rss'),
    route('/corrections.json', 'correction.jsonFeed'),
  ],
};
