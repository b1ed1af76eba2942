import { splitMarkedSnippet } from './marked-snippet';

describe('splitMarkedSnippet', () => {
  it('splits the snippet around each «match»', () => {
    expect(splitMarkedSnippet('…we assess with «high confidence» that «Putin» ordered…')).toEqual([
      { text: '…we assess with ', marked: false },
      { text: 'high confidence', marked: true },
      { text: ' that ', marked: false },
      { text: 'Putin', marked: true },
      { text: ' ordered…', marked: false },
    ]);
  });

  it('reads an unclosed « as text, and a snippet without marks as one part', () => {
    expect(splitMarkedSnippet('the «Dossier was cut')).toEqual([
      { text: 'the «Dossier was cut', marked: false },
    ]);
    expect(splitMarkedSnippet('«a»«b» c')).toEqual([
      { text: 'ab', marked: true },
      { text: ' c', marked: false },
    ]);
    expect(splitMarkedSnippet('')).toEqual([]);
  });
});
