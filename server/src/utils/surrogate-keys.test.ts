import { inHeaderBatches, storyKeys } from './surrogate-keys';

describe('storyKeys', () => {
  it('names the story and every source document its page shows, listed or cited', () => {
    // Only the ids matter here; the rest of each document is left out.
    const story = {
      documentId: 's1',
      sourceDocuments: [{ documentId: 'd1' }, { documentId: 'd2' }],
      citations: [{ sourceDocument: { documentId: 'd3' } }, { sourceDocument: null }],
    } as unknown as Parameters<typeof storyKeys>[0];
    expect(storyKeys(story)).toEqual([
      'story:s1',
      'source-document:d1',
      'source-document:d2',
      'source-document:d3',
    ]);
  });
});

describe('inHeaderBatches', () => {
  it('keeps keys whole, in order, each batch within the limit', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `story:${String(i).padStart(24, '0')}`);
    const batches = inHeaderBatches(keys);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((batch) => batch.length <= 4000)).toBe(true);
    expect(batches.join(' ').split(' ')).toEqual(keys);
  });

  it('sends a short list in one batch, and nothing for none', () => {
    expect(inHeaderBatches(['a', 'b'])).toEqual(['a b']);
    expect(inHeaderBatches([])).toEqual([]);
  });
});
