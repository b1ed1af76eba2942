import { needsLateReason } from './late-correction';

describe('needsLateReason', () => {
  const now = new Date('2021-05-01T12:00:00Z');

  it('asks for a reason more than 30 days after the first publication', () => {
    expect(needsLateReason('2021-03-31T11:59:59Z', now)).toBe(true);
  });

  it('does not within 30 days, nor for a story never published', () => {
    expect(needsLateReason('2021-04-01T12:00:00Z', now)).toBe(false);
    expect(needsLateReason(null, now)).toBe(false);
    expect(needsLateReason(undefined, now)).toBe(false);
  });
});
