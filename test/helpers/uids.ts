export const UIDS = {
  story: 'plugin::intelligence-stories.story',
  sourceDocument: 'plugin::intelligence-stories.source-document',
  confidentialSource: 'plugin::intelligence-stories.confidential-source',
  correction: 'plugin::intelligence-stories.correction',
  changeLog: 'plugin::intelligence-stories.change-log-entry',
  sourceAccessLog: 'plugin::intelligence-stories.source-access-log-entry',
  anonymousQuote: 'intelligence-stories.anonymous-quote',
} as const;
