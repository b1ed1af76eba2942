// Read-only and published-only. Confidential sources have no route here, and corrections are
// only read: they are issued through the admin API.
const route = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler,
  config: { policies: [] },
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
