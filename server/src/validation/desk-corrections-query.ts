import { yup } from '@strapi/utils';

import { CORRECTION_KINDS } from '../../../shared/contracts/corrections';
import { paginationSchema } from '../utils/pagination';

// A calendar date or an RFC 3339 date-time with its offset, as the public `since` takes them.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Date.parse rolls 2021-02-30 over to March; a day that does not exist is refused instead.
const isDate = (value: string) => {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    return false;
  }
  const day = value.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
};

const bound = (name: 'issuedFrom' | 'issuedTo') =>
  yup
    .string()
    .test(
      'iso-date',
      `${name} must be a date (2021-03-16) or a date-time with its offset (2021-03-16T12:00:00Z)`,
      (value) => value === undefined || isDate(value)
    );

/**
 * The instants a list of corrections covers: from the start of `issuedFrom` to the end of
 * `issuedTo`, both included. A date alone is a whole UTC day; a date-time is that instant. The end
 * is returned exclusive (the instant after), which serves both forms with one comparison.
 */
export const issuedWindow = ({
  issuedFrom,
  issuedTo,
}: {
  issuedFrom?: string;
  issuedTo?: string;
}) => {
  const DAY = 24 * 60 * 60 * 1000;
  const from = issuedFrom
    ? new Date(DATE_ONLY.test(issuedFrom) ? `${issuedFrom}T00:00:00Z` : issuedFrom)
    : undefined;
  const before = issuedTo
    ? DATE_ONLY.test(issuedTo)
      ? new Date(Date.parse(`${issuedTo}T00:00:00Z`) + DAY)
      : new Date(Date.parse(issuedTo) + 1)
    : undefined;
  return { from, before };
};

/**
 * The desk's corrections: `q` in the story's title or the correction's text, one kind, issued
 * within dates, by page.
 */
export const deskCorrectionsQuerySchema: yup.AnyObjectSchema = yup
  .object({
    q: yup.string().max(200, 'q must be at most ${max} characters'),
    kind: yup.mixed().oneOf([...CORRECTION_KINDS], 'kind must be one of: ${values}'),
    issuedFrom: bound('issuedFrom'),
    issuedTo: bound('issuedTo'),
    // One language version's corrections (a story's timeline in the Content Manager's locale).
    locale: yup.string().max(16, 'locale must be at most ${max} characters'),
    pagination: paginationSchema,
  })
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}')
  .test('window', function window(value) {
    if (
      !value?.issuedFrom ||
      !value.issuedTo ||
      !isDate(value.issuedFrom) ||
      !isDate(value.issuedTo)
    ) {
      return true;
    }
    const { from, before } = issuedWindow(value);
    // Named on issuedTo, so the panel shows it under the end date.
    return (
      from!.getTime() < before!.getTime() ||
      this.createError({
        path: 'issuedTo',
        message: 'issuedTo must not be before issuedFrom: swap the two dates',
      })
    );
  });
