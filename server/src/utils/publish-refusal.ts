import { errors } from '@strapi/utils';
import toPath from 'lodash/toPath';

import { fillTemplate, type Language } from '../../../shared/messages/language';
import { formatRuleMessage } from '../../../shared/messages/rule-messages';
import type { Violation } from '../rules/types';

export type Refusal = {
  documentId: string;
  title: string;
  violations: Violation[];
  warnings?: Violation[];
};

const REFUSED = {
  en: '"{title}" cannot be published: {violations}',
  fr: '« {title} » ne peut pas être publié : {violations}',
} satisfies Record<Language, string>;

/** A violation in `language`: R1–R11's by their id; a house rule's as it wrote it. */
const say = (violation: Violation, language: Language) =>
  violation.messageId
    ? formatRuleMessage(violation.messageId, violation.path, violation.values, language)
    : violation.message;

const describe = ({ title, violations }: Refusal, language: Language) =>
  fillTemplate(REFUSED[language], {
    title,
    violations: violations.map((v) => `${v.code} ${say(v, language)}`).join(' '),
  });

/**
 * The error a refused publish raises: a ValidationError, so the Content Manager shows its message,
 * with the violations in its details (and, for one story, as form errors on the fields named).
 * The message and the form errors are in the editor's language, since the Content Manager shows
 * them as they come; the violations keep their ids and values for any other client.
 */
export const publishRefusedError = (refusals: Refusal[], language: Language = 'en') => {
  const [only] = refusals;
  return new errors.ValidationError(refusals.map((r) => describe(r, language)).join('\n'), {
    ...(refusals.length === 1
      ? {
          documentId: only.documentId,
          violations: only.violations,
          warnings: only.warnings ?? [],
          errors: only.violations.map((violation) => ({
            path: toPath(violation.path),
            message: `${violation.code}: ${say(violation, language)}`,
            name: 'ValidationError',
          })),
        }
      : {}),
    refused: refusals.map(({ documentId, title, violations }) => ({
      documentId,
      title,
      violations,
    })),
  });
};
