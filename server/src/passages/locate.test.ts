import { pagesQuoting } from './locate';
import { normalizeForSearch } from './normalize';

const pages = [
  'Key judgments of the intel-\nligence community.',
  '',
  'Russian state media amplified “misleading” claims about a well-\nknown candidate, and others.',
].map(normalizeForSearch);

describe('pagesQuoting', () => {
  it('finds a quotation on its page, whatever the line breaks and quote marks', () => {
    expect(pagesQuoting(pages, 'the intelligence community')).toEqual([1]);
    expect(pagesQuoting(pages, 'amplified "misleading" claims')).toEqual([3]);
    expect(pagesQuoting(pages, 'about a well-known candidate')).toEqual([3]);
  });

  it('ignores case', () => {
    expect(pagesQuoting(pages, 'RUSSIAN STATE MEDIA')).toEqual([3]);
  });

  it('accepts words left out with an ellipsis when the rest appears in order', () => {
    expect(
      pagesQuoting(pages, 'Russian state media … claims about a well-known candidate')
    ).toEqual([3]);
    expect(pagesQuoting(pages, 'claims about ... Russian state media')).toEqual([]);
  });

  it('finds nothing for words the document does not contain, or an empty passage', () => {
    expect(pagesQuoting(pages, 'Russian state television')).toEqual([]);
    expect(pagesQuoting(pages, '   ')).toEqual([]);
  });
});
