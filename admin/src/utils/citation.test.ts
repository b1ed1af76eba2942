import { citationOf } from './citation';
import { judgmentErrors, blankJudgment } from './icd203';

describe('citationOf', () => {
  it('quotes the passage without the search marks or cut marks, with its page', () => {
    expect(
      citationOf({
        page: 7,
        snippet: '…assess with «high confidence» that Russian President\n Vladimir Putin ordered…',
      })
    ).toBe('“assess with high confidence that Russian President Vladimir Putin ordered” (p. 7)');
  });
});

describe('judgmentErrors', () => {
  it('names the judgments without text and the pages outside the document', () => {
    const judgments = [
      { ...blankJudgment(), text: 'Fine', page: 3 },
      { ...blankJudgment(), text: '   ', page: 26 },
      { ...blankJudgment(), text: 'Page zero', page: 0 },
    ];
    expect(judgmentErrors(judgments, 25)).toEqual([
      { path: 'keyJudgments.1.text', rule: 'required' },
      { path: 'keyJudgments.1.page', rule: 'page' },
      { path: 'keyJudgments.2.page', rule: 'page' },
    ]);
  });
});
