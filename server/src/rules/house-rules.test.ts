import { RULE_CODES } from '../../../shared/contracts/rules';
import { DEFAULT_PLUGIN_CONFIG } from '../config';
import { evaluateRules } from '.';
import { assertHouseRule, defineHouseRule } from './house-rules';
import { applyOverrides } from './overrides';
import type { StorySnapshot } from './types';

const snapshot = { draft: { title: 'A story', sourceDocuments: [] } } as unknown as StorySnapshot;
const builtInsOff = Object.fromEntries(RULE_CODES.map((code) => [code, 'off'])) as Parameters<
  typeof evaluateRules
>[1];

const legalReview = defineHouseRule<{ reviewed: boolean }>({
  code: 'LEGAL-REVIEW',
  title: { en: 'Legal review', fr: 'Relecture juridique' },
  description: { en: 'Reviewed by counsel.', fr: 'Relu par un juriste.' },
  fields: ['title'],
  load: () => ({ reviewed: false }),
  check: (_snapshot, { reviewed }) =>
    reviewed ? [] : [{ path: 'title', message: 'Counsel has not reviewed this story.' }],
});

describe('house rules in evaluateRules', () => {
  it('runs each rule with the data its load returned, at its level, under its own code', () => {
    const run = (reviewed: boolean, level?: 'error' | 'warning' | 'off') =>
      evaluateRules(
        snapshot,
        level ? { ...builtInsOff, 'LEGAL-REVIEW': level } : builtInsOff,
        DEFAULT_PLUGIN_CONFIG,
        { rules: [legalReview], data: { 'LEGAL-REVIEW': { reviewed } } }
      );
    const finding = {
      code: 'LEGAL-REVIEW',
      path: 'title',
      message: 'Counsel has not reviewed this story.',
    };
    expect(run(false)).toMatchObject({ ready: false, errors: [finding], warnings: [] });
    expect(run(true)).toMatchObject({ ready: true, errors: [], warnings: [] });
    expect(run(false, 'warning')).toMatchObject({ ready: true, errors: [], warnings: [finding] });
    expect(run(false, 'off')).toMatchObject({ ready: true, errors: [], warnings: [] });
  });

  it('reports a rule that throws as a finding of it, so that at error it blocks', () => {
    const broken = {
      ...legalReview,
      check: () => {
        throw new Error('no counsel table');
      },
    };
    const result = evaluateRules(snapshot, builtInsOff, DEFAULT_PLUGIN_CONFIG, {
      rules: [broken],
      data: {},
    });
    expect(result.errors).toEqual([
      {
        code: 'LEGAL-REVIEW',
        path: 'title',
        message: 'The house rule LEGAL-REVIEW could not check this story: no counsel table',
        messageId: 'house.broken',
        values: { rule: 'LEGAL-REVIEW', error: 'no counsel table' },
      },
    ]);
  });

  it('refuses a malformed definition, naming the field', () => {
    expect(() => assertHouseRule({ ...legalReview, fields: [] })).toThrow(
      /LEGAL-REVIEW: fields must name at least one field/
    );
    expect(() => assertHouseRule({ ...legalReview, code: 'R12' })).toThrow(/code must be/);
    expect(() => assertHouseRule({ ...legalReview, check: 'yes' })).toThrow(
      /check must be a function/
    );
  });
});

describe('applyOverrides', () => {
  const readiness = {
    ready: false,
    errors: [
      { code: 'R1', path: 'sourceDocuments', message: 'no document' },
      { code: 'R8', path: 'bylines', message: 'no byline' },
    ],
    warnings: [],
    awaitingDecision: [],
  };
  const entry = {
    documentId: 'e1',
    rule: 'R1',
    reason: 'A reason long enough to count.',
    declaredAt: '2026-12-01T00:00:00.000Z',
  } as Parameters<typeof applyOverrides>[1][number];

  it('lifts the overridden rule only, and says who may override the others', () => {
    const { readiness: result, used } = applyOverrides(readiness, [entry], {
      R1: 'plugin::x.override',
      R8: 'plugin::x.override',
    });
    expect(result.ready).toBe(false);
    expect(result.errors).toEqual([
      { code: 'R8', path: 'bylines', message: 'no byline', overridableBy: 'plugin::x.override' },
    ]);
    expect(result.warnings).toEqual([
      { code: 'R1', path: 'sourceDocuments', message: 'no document', overridden: true },
    ]);
    expect(used).toEqual([entry]);
  });

  it('counts an override only while the config still names a permission for its rule', () => {
    const { readiness: result, used } = applyOverrides(readiness, [entry], {});
    expect(result.errors).toEqual(readiness.errors);
    expect(used).toEqual([]);
  });
});
