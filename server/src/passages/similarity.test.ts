import { bestMatchingPage, contentWords, paraphraseScore } from './similarity';

describe('contentWords', () => {
  it('drops stop words and folds simple inflections', () => {
    expect([...contentWords('The agency interfered, interfering in the elections')].sort()).toEqual(
      ['agency', 'election', 'interfer'].sort()
    );
  });
});

describe('paraphraseScore', () => {
  it('is the share of the paraphrase words found on the page', () => {
    const page = contentWords('Moscow sought to denigrate one candidate and support another.');
    expect(paraphraseScore(contentWords('Moscow denigrated a candidate'), page)).toBeCloseTo(2 / 3);
    expect(paraphraseScore(contentWords('Moscow sought to denigrate a candidate'), page)).toBe(1);
    expect(paraphraseScore(contentWords('Tehran hacked voting machines'), page)).toBe(0);
  });

  it('is 0 for a paraphrase with no content words', () => {
    expect(paraphraseScore(contentWords('the and of'), contentWords('anything'))).toBe(0);
  });
});

describe('bestMatchingPage', () => {
  const pages = [
    'Contents and scope note.',
    'Russia sought to denigrate President Biden and support former President Trump.',
    'Iran carried out a covert influence campaign intended to undercut Trump.',
  ];

  it('picks the page whose words best cover the paraphrase', () => {
    const { best, scores } = bestMatchingPage(pages, 'Iran ran a covert campaign against Trump');
    expect(best).toEqual({ page: 3, score: scores[2] });
    expect(scores[2]).toBeGreaterThan(scores[1]);
  });

  it('reports no page when no page shares a word with the paraphrase', () => {
    expect(bestMatchingPage(pages, 'Venezuela').best).toBeNull();
  });
});
