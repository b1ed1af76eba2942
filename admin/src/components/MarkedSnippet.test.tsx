/** @jest-environment jsdom */
import { render } from '../../tests/render';
import { MarkedSnippet } from './MarkedSnippet';

describe('MarkedSnippet', () => {
  it('renders the server’s «markers» as <mark> elements, and the text as text', () => {
    const { container } = render(
      <MarkedSnippet snippet="…we assess with «high confidence» that «Putin» <b>ordered</b>…" />
    );
    const marks = [...container.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['high confidence', 'Putin']);
    expect(container.textContent).toBe(
      '…we assess with high confidence that Putin <b>ordered</b>…'
    );
    // The PDF's text is never read as HTML.
    expect(container.querySelector('b')).toBeNull();
  });
});
