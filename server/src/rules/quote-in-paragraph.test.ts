import { findQuoteInParagraph, paragraphsOf } from './quote-in-paragraph';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('findQuoteInParagraph', () => {
  const body = [
    paragraph('The assessment was released on 16 March 2021.'),
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'An official said: “Moscow wanted to ' },
        { type: 'text', text: 'denigrate  Biden’s candidacy,” adding nothing.', bold: true },
      ],
    },
    {
      type: 'list',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'A list item quote here' }] },
      ],
    },
  ];

  it('splits the paragraph that holds the quote around it, across text nodes and typography', () => {
    expect(findQuoteInParagraph(body, "“Moscow wanted to denigrate Biden's candidacy”")).toEqual({
      before: 'An official said: “',
      match: 'Moscow wanted to denigrate  Biden’s candidacy',
      after: ',” adding nothing.',
    });
  });

  it('ignores case and finds a list item', () => {
    expect(findQuoteInParagraph(body, 'list ITEM quote')).toEqual({
      before: 'A ',
      match: 'list item quote',
      after: ' here',
    });
  });

  it('answers null when no paragraph holds the quote, or the body is empty', () => {
    expect(findQuoteInParagraph(body, 'Not in the story')).toBeNull();
    expect(findQuoteInParagraph(null, 'Anything')).toBeNull();
    expect(findQuoteInParagraph(body, '  ""  ')).toBeNull();
  });

  it('reads a list item as a paragraph of its own', () => {
    expect(paragraphsOf(body)).toHaveLength(3);
  });
});
