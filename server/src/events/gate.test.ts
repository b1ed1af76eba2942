import type { Readiness, RuleLevelMap, Violation } from '../../../shared/contracts/rules';
import { gateResult } from './gate';

const LEVELS = {
  R1: 'error',
  R2: 'error',
  R3: 'error',
  R4: 'error',
  R5: 'error',
  R6: 'error',
  R7: 'error',
  R8: 'error',
  R9: 'error',
  R10: 'warning',
  R11: 'error',
  'LEAK-HASH': 'error',
} as RuleLevelMap;

const finding = (code: string, extra: Partial<Violation> = {}): Violation => ({
  code,
  path: 'citations[0]',
  message: 'A finding whose message names a page and a title.',
  ...extra,
});

const readiness = (warnings: Violation[]): Readiness => ({
  ready: true,
  errors: [],
  warnings,
  awaitingDecision: [],
});

describe('gateResult', () => {
  it('says nothing was checked when every rule is off', () => {
    expect(gateResult(null, LEVELS)).toEqual({
      checked: false,
      passed: [],
      warned: [],
      overridden: [],
    });
  });

  it('lists the rules in force that found nothing, in level order, without the off ones', () => {
    expect(gateResult(readiness([]), { ...LEVELS, R10: 'off' })).toEqual({
      checked: true,
      passed: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R11', 'LEAK-HASH'],
      warned: [],
      overridden: [],
    });
  });

  it('separates warnings from overridden errors, each code once and never as passed', () => {
    const result = gateResult(
      readiness([
        finding('LEAK-HASH', { overridden: true }),
        finding('R11', { advisory: true }),
        finding('R11', { advisory: true, path: 'citations[1]' }),
        finding('R10'),
      ]),
      LEVELS
    );
    expect(result).toEqual({
      checked: true,
      passed: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'],
      warned: ['R10', 'R11'],
      overridden: ['LEAK-HASH'],
    });
    // Codes only: no message, path or value of a finding.
    expect(JSON.stringify(result)).not.toMatch(/citations|message|page/);
  });
});
