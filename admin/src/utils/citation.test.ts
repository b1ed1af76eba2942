import { citationOf } from './citation';
import { judgmentErrors, blankJudgment } from './icd203';

describe('citationOf', () => {
  const hit = {
    page: 7,
    snippet: '…assess with «high confidence» that Russian President\n Vladimir Putin ordered…',
  };

  it('quotes the passage without the search marks or cut marks, then names the document and page', () => {
    expect(
      citationOf(hit, {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'ODNI',
        documentNumber: 'ICA 2020-00078D',
      })
    ).toBe(
      '“assess with high confidence that Russian President Vladimir Putin ordered”\n' +
        '— ODNI, Foreign Threats to the 2020 US Federal Elections (ICA 2020-00078D), p. 7'
    );
  });

  it('still gives the page when the document is not known, or has no number', () => {
    expect(citationOf(hit)).toBe(
      '“assess with high confidence that Russian President Vladimir Putin ordered”\n— p. 7'
    );
    expect(citationOf({ page: 2, snippet: 'a «b»' }, { title: 'Report', issuer: null })).toBe(
      '“a b”\n— Report, p. 2'
    );
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
