import { AWAITING_APPROVAL, renderPreviewPage, type PreviewModel } from './page';

const model = (changes: Partial<PreviewModel> = {}): PreviewModel => ({
  locale: 'en',
  status: 'draft',
  title: 'A title',
  dek: null,
  dateline: null,
  kind: 'news',
  backstory: null,
  body: [],
  bylines: [],
  citations: [],
  quotes: [],
  sourceDocuments: [],
  unpublishedSourceDocuments: 0,
  corrections: [],
  ...changes,
});

describe('the preview page', () => {
  it('escapes every text and keeps script URLs out of links', () => {
    const html = renderPreviewPage(
      model({
        title: '<script>alert(1)</script>',
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '<img src=x onerror=alert(1)>' },
              { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'click' }] },
            ],
          },
        ],
        quotes: [
          { quote: '"><b>q</b>', attribution: 'an official', anonymityReason: 'r', awaiting: null },
        ],
      })
    );
    expect(html).not.toMatch(/<script|<img|<b>|javascript:/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('click');
  });

  it('marks each quote an approval does not cover', () => {
    const html = renderPreviewPage(
      model({
        quotes: [
          { quote: 'covered', attribution: 'a', anonymityReason: 'r', awaiting: null },
          { quote: 'pending', attribution: 'a', anonymityReason: 'r', awaiting: 'pending' },
          { quote: 'edited', attribution: 'a', anonymityReason: 'r', awaiting: 'voided' },
        ],
      })
    );
    expect(html.split(AWAITING_APPROVAL)).toHaveLength(3);
    expect(html).toContain('data-approval="approved"');
    expect(html).toContain('data-approval="pending"');
  });
});
