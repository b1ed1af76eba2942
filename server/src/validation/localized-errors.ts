import { errors, yup } from '@strapi/utils';
import toPath from 'lodash/toPath';

import { fillTemplate, type Language } from '../../../shared/messages/language';
import {
  formatValidationMessage,
  isValidationMessageId,
  VALIDATION_MESSAGES,
  type ValidationMessageId,
} from '../../../shared/messages/validation-messages';

/** A refused field: where, which check, with what parameters. */
export type FieldProblem = {
  path: string[];
  id: ValidationMessageId | null;
  values?: Record<string, string | number>;
  /** What the check said itself, for a check without a message of ours. */
  message?: string;
};

// yup names a few checks for what they do on any type; ours say which. The slug's pattern is the
// only `matches` of the schemas that pass here (validation/rules.ts).
const idOf = ({ type, params }: yup.ValidationError): ValidationMessageId | null => {
  if (type === 'min' || type === 'max') {
    return typeof params?.value === 'string' ? `string.${type}` : `number.${type}`;
  }
  if (type === 'matches') {
    return 'slug';
  }
  return isValidationMessageId(type) ? type : null;
};

const problemOf = (error: yup.ValidationError): FieldProblem => {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const values: Record<string, string | number> = {};
  for (const key of ['min', 'max']) {
    if (typeof params[key] === 'number') {
      values[key] = params[key] as number;
    }
  }
  // yup lists a oneOf's values as one string; null is there only to let the field be empty.
  if (typeof params.values === 'string') {
    values.values = params.values
      .split(', ')
      .filter((value) => value && value !== 'null')
      .join(', ');
  }
  return { path: toPath(error.path ?? ''), id: idOf(error), values, message: error.message };
};

// A check without a message of ours (a type error, an unknown key) keeps its own words.
const say = ({ path, id, values, message }: FieldProblem, language: Language) =>
  id ? formatValidationMessage(id, path, values, language) : (message ?? '');

/**
 * The ValidationError a refused write raises, as Strapi's own (`details.errors`, each with its
 * path, so the Content Manager puts each message under its field), in the editor's language, the
 * fields named by their labels, and each error with its check's id and parameters for clients
 * that render their own. Several errors are listed, never summed up as "2 errors occurred".
 */
export const fieldProblemsError = (problems: FieldProblem[], language: Language) => {
  const messages = problems.map((problem) => say(problem, language));
  const message =
    messages.length === 1
      ? messages[0]
      : fillTemplate(VALIDATION_MESSAGES.several[language], {
          count: messages.length,
          all: messages.join(' '),
        });
  return new errors.ValidationError(message, {
    errors: problems.map((problem, index) => ({
      path: problem.path,
      message: messages[index],
      name: 'ValidationError',
      ...(problem.id ? { code: problem.id, values: problem.values ?? {} } : {}),
    })),
  });
};

/** Validates `data` as Strapi does (strict, every error at once), refusing in `language`. */
export const validateInLanguage = async (
  schema: yup.AnySchema,
  data: unknown,
  language: Language
) => {
  try {
    return await schema.validate(data, { strict: true, abortEarly: false });
  } catch (error) {
    if (error instanceof yup.ValidationError) {
      const inner = error.inner.length > 0 ? error.inner : [error];
      throw fieldProblemsError(inner.map(problemOf), language);
    }
    throw error;
  }
};
