import { toFieldName } from './violations';

describe('toFieldName', () => {
  it.each([
    ['anonymousQuotes[0].anonymityReason', 'anonymousQuotes.0.anonymityReason'],
    ['citations[12].page', 'citations.12.page'],
    ['sourceDocuments[0].keyJudgments[3].text', 'sourceDocuments.0.keyJudgments.3.text'],
    ['bylines', 'bylines'],
  ])('turns the rule path %s into the edit view input name %s', (path, name) => {
    expect(toFieldName(path)).toBe(name);
  });
});
