import { comparisonKey, normalizeForSearch } from './normalize';

describe('normalizeForSearch', () => {
  it('joins a word hyphenated across a line end', () => {
    expect(normalizeForSearch('the intel-\nligence community')).toBe('the intelligence community');
    expect(normalizeForSearch('intel-  \r\n   ligence')).toBe('intelligence');
  });

  it('keeps hyphens that do not end a line, and dashes between words', () => {
    expect(normalizeForSearch('a well-known fact')).toBe('a well-known fact');
    expect(normalizeForSearch('2020 -\nthe year')).toBe('2020 - the year');
  });

  it('straightens curly quotes and apostrophes', () => {
    expect(normalizeForSearch('“Moscow’s ‘influence’ efforts”')).toBe(
      `"Moscow's 'influence' efforts"`
    );
  });

  it('applies NFKC: ligatures, non-breaking spaces, full-width forms, the ellipsis character', () => {
    expect(normalizeForSearch('ﬁnal\u00A0ﬂows ＡＢＣ…')).toBe('final flows ABC...');
  });

  it('folds every run of whitespace into one space and trims', () => {
    expect(normalizeForSearch('  one\n\ttwo   three \n')).toBe('one two three');
  });

  it('drops soft hyphens and treats null as empty', () => {
    expect(normalizeForSearch('inter\u00ADference')).toBe('interference');
    expect(normalizeForSearch(null)).toBe('');
  });
});

describe('comparisonKey', () => {
  it('ignores case and hyphens inside compounds', () => {
    expect(comparisonKey('A Well-Known Fact')).toBe(comparisonKey('a wellknown fact'));
  });

  it('ignores spaces a PDF leaves before punctuation', () => {
    expect(comparisonKey('elections , and ( notably ) the')).toBe('elections, and (notably) the');
  });
});
