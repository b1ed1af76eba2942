import { ANONYMOUS_QUOTE_UID } from '../../../shared/contracts/uids';
import { SOURCE_FIELD_TYPE, withSourceFieldInput } from './source-field-layout';

const field = (name: string, type: string) => ({ name, type, label: name, size: 6 });

const layoutWith = (components: Record<string, { layout: ReturnType<typeof field>[][] }>) => ({
  layout: {
    layout: [[[field('title', 'string')]]],
    components,
    metadatas: {},
    settings: { mainField: 'title' },
  },
  query: {},
});

describe('withSourceFieldInput', () => {
  it('gives the quote’s confidential source the plugin’s input, and leaves every other field', () => {
    const args = layoutWith({
      [ANONYMOUS_QUOTE_UID]: {
        layout: [
          [field('quote', 'text'), field('attribution', 'string')],
          [field('confidentialSource', 'relation')],
        ],
      },
      'intelligence-stories.document-citation': {
        layout: [[field('sourceDocument', 'relation')]],
      },
    });

    const { layout } = withSourceFieldInput(args);

    const quote = layout.components[ANONYMOUS_QUOTE_UID].layout;
    expect(quote[1][0]).toEqual({
      ...field('confidentialSource', 'relation'),
      type: SOURCE_FIELD_TYPE,
    });
    expect(quote[0]).toEqual(args.layout.components[ANONYMOUS_QUOTE_UID].layout[0]);
    expect(layout.components['intelligence-stories.document-citation']).toBe(
      args.layout.components['intelligence-stories.document-citation']
    );
    expect(layout.layout).toBe(args.layout.layout);
    // The Content Manager caches the layout it passed: it is not changed in place.
    expect(args.layout.components[ANONYMOUS_QUOTE_UID].layout[1][0].type).toBe('relation');
  });

  it('returns the layout of a type without anonymous quotes as it came', () => {
    const args = layoutWith({});
    expect(withSourceFieldInput(args)).toBe(args);
  });
});
