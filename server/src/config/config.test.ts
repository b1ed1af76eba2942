import config from '.';

describe('plugin config validator', () => {
  it('accepts the defaults and a newsroom’s own settings', () => {
    expect(() => config.validator(config.default)).not.toThrow();
    expect(() =>
      config.validator({
        ...config.default,
        rules: { ...config.default.rules, R8: 'warning', R10: 'off' },
        vagueAttributions: ['a pentagon insider'],
        fourEyes: false,
      })
    ).not.toThrow();
  });

  it.each([
    [{ rules: { R3: 'block' } }, /rules.R3 must be error, warning or off/],
    [{ rules: { R12: 'error' } }, /rules accepts R1, R2/],
    [{ stockAnonymityPhrases: ['on background', ''] }, /phrases cannot be empty/],
    [{ fourEyes: 'yes please' }, /fourEyes/],
    [{ fourEye: false }, /unknown option\(s\): fourEye/],
  ])('refuses %j', (override, message) => {
    expect(() => config.validator({ ...config.default, ...override })).toThrow(message);
  });
});
