import { editorName, emptySourceForm, sourcePayload } from './source-form';

describe('sourcePayload', () => {
  const stored = { ...emptySourceForm(), alias: 'Source A', editorsWhoKnow: [3, 1] };

  it('sends nothing when nothing changed, whatever the order of the editors', () => {
    expect(sourcePayload({ ...stored, editorsWhoKnow: [1, 3] }, stored)).toEqual({});
  });

  it('sends a typed identity field on a source whose identity was not revealed', () => {
    expect(sourcePayload({ ...stored, contact: 'Signal only' }, stored)).toEqual({
      contact: 'Signal only',
    });
  });

  it('clears a revealed field the editor emptied (null), and trims the alias', () => {
    const revealed = { ...stored, identity: 'A deputy director', role: 'Analyst' };
    expect(sourcePayload({ ...revealed, role: '  ', alias: ' Source B ' }, revealed)).toEqual({
      alias: 'Source B',
      role: null,
    });
  });

  it('sends only filled fields for a new source', () => {
    expect(
      sourcePayload({ ...emptySourceForm(), alias: 'Source C', identity: 'X', role: '' }, null)
    ).toEqual({ alias: 'Source C', identity: 'X' });
  });
});

describe('editorName', () => {
  it.each([
    [{ id: 1, firstname: 'Ada', lastname: 'Lovelace' }, 'Ada Lovelace'],
    [{ id: 2, firstname: null, lastname: null, username: 'desk' }, 'desk'],
    [{ id: 3, firstname: null, lastname: null }, '#3'],
  ])('names %o as %s', (editor, name) => {
    expect(editorName(editor)).toBe(name);
  });
});
