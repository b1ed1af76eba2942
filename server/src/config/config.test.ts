import config from '.';

describe('plugin config validator', () => {
  it('accepts the defaults and a newsroom’s own settings', () => {
    expect(() => config.validator(config.default)).not.toThrow();
    expect(() =>
      config.validator({
        ...config.default,
        rules: { ...config.default.rules, R8: 'warning', R10: 'off', 'LEAK-HASH': 'warning' },
        overrides: { R1: 'plugin::intelligence-stories.rules.override', 'LEAK-HASH': 'admin::x.y' },
        vagueAttributions: ['a pentagon insider'],
        fourEyes: false,
        cache: {
          sMaxAge: 86400,
          staleWhileRevalidate: 60,
          maxAge: 0,
          purge: {
            endpoints: [
              { url: 'http://127.0.0.1:6081/' },
              {
                url: 'https://api.fastly.com/service/SERVICE/purge',
                method: 'POST',
                keysHeader: 'Surrogate-Key',
                headers: { 'Fastly-Key': 'token' },
              },
            ],
            timeoutMs: 1000,
            retries: 3,
          },
        },
      })
    ).not.toThrow();
  });

  it.each([
    [{ rules: { R3: 'block' } }, /rules.R3 must be error, warning or off/],
    [{ rules: { R12: 'error' } }, /rules accepts R1, R2/],
    [{ rules: { 'leak-hash': 'error' } }, /rules accepts R1, .* house rule codes .*: leak-hash/],
    [{ rules: { 'LEAK-HASH': 'never' } }, /rules.LEAK-HASH must be error, warning or off/],
    [
      { overrides: { R6: 'plugin::intelligence-stories.rules.override' } },
      /overrides.R6: R6 cannot be overridden/,
    ],
    [
      { overrides: { R9: 'plugin::intelligence-stories.rules.override' } },
      /overrides.R9: R9 cannot be overridden/,
    ],
    [
      { overrides: { R12: 'plugin::intelligence-stories.rules.override' } },
      /overrides accepts rule codes only.*R12/,
    ],
    [{ overrides: { R1: 'editors' } }, /overrides.R1 must be an admin permission's action/],
    [{ stockAnonymityPhrases: ['on background', ''] }, /phrases cannot be empty/],
    [{ fourEyes: 'yes please' }, /fourEyes/],
    [{ fourEye: false }, /unknown option\(s\): fourEye/],
    [{ cache: { sMaxAge: -1 } }, /cache.sMaxAge cannot be negative/],
    [{ cache: { staleWhileRevalidate: 1.5 } }, /cache.staleWhileRevalidate must be a whole/],
    [{ cache: { maxage: 0 } }, /cache accepts sMaxAge, staleWhileRevalidate, maxAge and purge/],
    [{ cache: { purge: { endpoints: [{}] } } }, /cache.purge.endpoints\[\].url is required/],
    [
      { cache: { purge: { endpoints: [{ url: 'varnish:6081' }] } } },
      /cache.purge.endpoints\[\].url must be an http\(s\) address/,
    ],
    [
      { cache: { purge: { endpoints: [{ url: 'http://127.0.0.1/', method: 'purge' }] } } },
      /method must be an HTTP method/,
    ],
    [
      {
        cache: { purge: { endpoints: [{ url: 'http://127.0.0.1/', headers: { 'X-Token': 1 } }] } },
      },
      /headers must map header names to strings/,
    ],
    [{ cache: { purge: { timeoutMs: 0 } } }, /cache.purge.timeoutMs must be at least 1/],
    [{ cache: { purge: { retries: 100 } } }, /cache.purge.retries must be at most 10/],
  ])('refuses %j', (override, message) => {
    expect(() => config.validator({ ...config.default, ...override })).toThrow(message);
  });
});
