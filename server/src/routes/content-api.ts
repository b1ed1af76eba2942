// Read-only and published-only. Confidential sources and corrections have no route here:
// corrections reach readers inside their story (and, later, through the corrections feeds).
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/stories', handler: 'story.find', config: { policies: [] } },
    {
      method: 'GET',
      path: '/stories/:slugOrDocumentId',
      handler: 'story.findOne',
      config: { policies: [] },
    },
    {
      method: 'GET',
      path: '/source-documents',
      handler: 'source-document.find',
      config: { policies: [] },
    },
    {
      method: 'GET',
      path: '/source-documents/:documentId',
      handler: 'source-document.findOne',
      config: { policies: [] },
    },
  ],
};
