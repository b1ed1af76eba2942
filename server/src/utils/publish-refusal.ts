import { errors } from '@strapi/utils';
import toPath from 'lodash/toPath';

import type { Violation } from '../rules/types';

export type Refusal = {
  documentId: string;
  title: string;
  violations: Violation[];
  warnings?: Violation[];
};

const describe = ({ title, violations }: Refusal) =>
  `"${title}" cannot be published: ${violations.map((v) => `${v.code} ${v.message}`).join(' ')}`;

/**
 * The error a refused publish raises: a ValidationError, so the Content Manager shows its message,
 * with the violations in its details (and, for one story, as form errors on the fields named).
 */
export const publishRefusedError = (refusals: Refusal[]) => {
  const [only] = refusals;
  return new errors.ValidationError(refusals.map(describe).join('\n'), {
    ...(refusals.length === 1
      ? {
          documentId: only.documentId,
          violations: only.violations,
          warnings: only.warnings ?? [],
          errors: only.violations.map((violation) => ({
            path: toPath(violation.path),
            message: `${violation.code}: ${violation.message}`,
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
