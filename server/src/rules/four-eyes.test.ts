import { decisionAbility } from './four-eyes';

describe('decisionAbility (four eyes)', () => {
  it('refuses the editor who saved the story last, while the option is on', () => {
    expect(decisionAbility(true, 7, 7)).toEqual({ mayDecide: false, reason: 'edited-last' });
  });

  it('lets anyone else decide, and everyone once the option is off', () => {
    expect(decisionAbility(true, 7, 8)).toEqual({ mayDecide: true, reason: null });
    expect(decisionAbility(true, null, 8)).toEqual({ mayDecide: true, reason: null });
    expect(decisionAbility(false, 7, 7)).toEqual({ mayDecide: true, reason: null });
  });
});
