import { answerConflicts } from '../middlewares/conflicts';
import { refuseDeepJson } from '../middlewares/json-depth';
import { actionId, ACTIONS } from '../permissions';

const requires = (action: (typeof ACTIONS)[keyof typeof ACTIONS]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: [actionId(action)] } }],
  // A write based on a stale revision of a story is a 409 with Strapi's error body.
  middlewares: [refuseDeepJson, answerConflicts],
});

// Admin routes live under /intelligence-stories (the admin API) and each checks its own action.
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/desk/stories',
      handler: 'desk.stories',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/desk/approvals',
      handler: 'desk.approvals',
      config: requires(ACTIONS.approveQuotes),
    },
    {
      method: 'GET',
      path: '/desk/approvals/count',
      handler: 'desk.approvalCount',
      config: requires(ACTIONS.approveQuotes),
    },
    {
      method: 'GET',
      path: '/desk/approvals/:documentId/quotes/:quoteIndex',
      handler: 'desk.approval',
      config: requires(ACTIONS.approveQuotes),
    },
    {
      method: 'GET',
      path: '/desk/corrections',
      handler: 'desk.corrections',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/stories/:documentId/corrections',
      handler: 'desk.corrections',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/stories/:documentId/corrections/carry-over',
      handler: 'story-corrections.carryOver',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/stories/:documentId/readiness',
      handler: 'story-sourcing.readiness',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'POST',
      path: '/stories/:documentId/quotes/:quoteIndex/approve',
      handler: 'story-sourcing.approveQuote',
      config: requires(ACTIONS.approveQuotes),
    },
    {
      method: 'POST',
      path: '/stories/:documentId/quotes/:quoteIndex/reject',
      handler: 'story-sourcing.rejectQuote',
      config: requires(ACTIONS.approveQuotes),
    },
    {
      method: 'POST',
      path: '/stories/:documentId/non-substantive-change',
      handler: 'story-sourcing.declareNonSubstantive',
      config: requires(ACTIONS.manageSourcing),
    },
    {
      // The permission the config names for the rule is checked by the service (change-log).
      method: 'POST',
      path: '/stories/:documentId/rule-overrides',
      handler: 'story-sourcing.overrideRule',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/desk/overrides',
      handler: 'desk.overrides',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'POST',
      path: '/stories/:documentId/corrections',
      handler: 'story-corrections.issue',
      config: requires(ACTIONS.issueCorrections),
    },
    // The confidential-source register. Only `reveal` returns identities; the access log and the
    // editors are listed before `:documentId` so that their paths are not read as a source's id.
    {
      method: 'GET',
      path: '/confidential-sources',
      handler: 'confidential-sources.find',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/confidential-sources/access-log',
      handler: 'confidential-sources.accessLog',
      config: requires(ACTIONS.manageConfidentialSources),
    },
    {
      method: 'GET',
      path: '/confidential-sources/editors',
      handler: 'confidential-sources.editors',
      config: requires(ACTIONS.manageConfidentialSources),
    },
    {
      method: 'GET',
      path: '/confidential-sources/:documentId',
      handler: 'confidential-sources.findOne',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'POST',
      path: '/confidential-sources/:documentId/reveal',
      handler: 'confidential-sources.reveal',
      config: requires(ACTIONS.readConfidentialSources),
    },
    {
      method: 'POST',
      path: '/confidential-sources',
      handler: 'confidential-sources.create',
      config: requires(ACTIONS.manageConfidentialSources),
    },
    {
      method: 'PUT',
      path: '/confidential-sources/:documentId',
      handler: 'confidential-sources.update',
      config: requires(ACTIONS.manageConfidentialSources),
    },
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: requires(ACTIONS.readSettings),
    },
    {
      method: 'GET',
      path: '/settings/rules',
      handler: 'settings.rules',
      config: requires(ACTIONS.readSettings),
    },
    {
      method: 'PUT',
      path: '/settings',
      handler: 'settings.update',
      config: requires(ACTIONS.updateSettings),
    },
    // The source-document library: drafts with their files, digests, key judgments and text.
    {
      method: 'GET',
      path: '/source-documents',
      handler: 'source-library.find',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/source-documents/:documentId',
      handler: 'source-library.findOne',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'PUT',
      path: '/source-documents/:documentId/key-judgments',
      handler: 'source-library.updateKeyJudgments',
      config: requires(ACTIONS.manageSourcing),
    },
    {
      method: 'GET',
      path: '/source-documents/:documentId/text',
      handler: 'source-document-text.status',
      config: requires(ACTIONS.readSourcing),
    },
    {
      method: 'GET',
      path: '/source-documents/:documentId/text/search',
      handler: 'source-document-text.search',
      config: requires(ACTIONS.readSourcing),
    },
    // The Content Manager's preview iframe sends no bearer token: the signed link is checked by
    // the preview service (its signature, expiry, and that its user may still read the story).
    {
      method: 'GET',
      path: '/preview/stories/:documentId',
      handler: 'preview.render',
      config: { auth: false, policies: [] },
    },
  ],
};
