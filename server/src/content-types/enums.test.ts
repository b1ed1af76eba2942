import { PASSAGE_TYPES } from '../../../shared/contracts/citations';
import { CORRECTION_KINDS } from '../../../shared/contracts/corrections';
import { CONFIDENCE_LEVELS, LIKELIHOODS } from '../../../shared/contracts/icd203';
import { CLASSIFICATIONS, TEXT_STATUSES } from '../../../shared/contracts/library';
import { APPROVAL_STATES, DECISIONS } from '../../../shared/contracts/quotes';
import { SOURCE_ACCESS_ACTIONS } from '../../../shared/contracts/sources';
import { CHANGE_LOG_KINDS, STORY_KINDS } from '../../../shared/contracts/stories';
import components from '../components';
import contentTypes from '.';

type Attributes = Record<string, { type: string; enum?: string[] }>;

/**
 * Strapi reads the schemas as JSON, so they spell their enumerations out; the server's validators
 * and the panel's pickers take them from shared/contracts. Each must say the same, in the same
 * order (the Content Manager lists the values in schema order).
 */
const CONTRACTS: Record<string, readonly string[]> = {
  'change-log-entry.kind': CHANGE_LOG_KINDS,
  'correction.kind': CORRECTION_KINDS,
  'public-correction.kind': CORRECTION_KINDS,
  'public-story.kind': STORY_KINDS,
  'quote-decision.decision': DECISIONS,
  'source-access-log-entry.action': SOURCE_ACCESS_ACTIONS,
  'source-document-text.status': TEXT_STATUSES,
  'source-document.classification': CLASSIFICATIONS,
  'story.kind': STORY_KINDS,
  'anonymous-quote.approvalState': APPROVAL_STATES,
  'document-citation.passageType': PASSAGE_TYPES,
  'key-judgment.confidence': CONFIDENCE_LEVELS,
  'key-judgment.likelihood': LIKELIHOODS,
};

const schemaEnumerations = () =>
  [
    ...Object.entries(contentTypes).map(
      ([name, { schema }]) => [name, schema.attributes as Attributes] as const
    ),
    ...Object.entries(components).map(
      ([name, schema]) => [name, schema.attributes as Attributes] as const
    ),
  ].flatMap(([name, attributes]) =>
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([attribute, { enum: values }]) => [`${name}.${attribute}`, values] as const)
  );

describe("the schemas' enumerations", () => {
  it.each(schemaEnumerations())('%s is its contract, value for value', (attribute, values) => {
    expect({ attribute, values }).toEqual({ attribute, values: CONTRACTS[attribute] });
  });

  it('has a contract for every enumeration, and every contract an attribute', () => {
    expect(
      schemaEnumerations()
        .map(([attribute]) => attribute)
        .sort()
    ).toEqual(Object.keys(CONTRACTS).sort());
  });
});
