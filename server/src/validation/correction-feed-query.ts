import { yup } from '@strapi/utils';

import { CORRECTION_KINDS } from '../../../shared/contracts/corrections';
import { paginationSchema } from '../utils/pagination';

// A calendar date or an RFC 3339 date-time: what `issuedAt` values look like in every response.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const since = yup
  .string()
  .test(
    'iso-date',
    'since must be a date (2021-03-16) or a date-time with its offset (2021-03-16T12:00:00Z)',
    (value) => value === undefined || (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))
  );

const kind = yup.mixed().oneOf([...CORRECTION_KINDS], 'kind must be one of: ${values}');

// Checked against the app's locales by the route (services/locales); the app's default if absent.
const locale = yup.string();

// Query values are strings or nested objects; anything the route would not honour is refused.
const unknownKeys = 'unsupported query parameter(s): ${unknown}';

/** `GET /corrections`: newest first, paginated, from a date, of one kind, in one locale. */
export const correctionListQuerySchema: yup.AnyObjectSchema = yup
  .object({ since, kind, locale, pagination: paginationSchema })
  .noUnknown(true, unknownKeys);

/** The RSS and JSON feeds: the latest corrections in one locale, optionally of one kind. */
export const correctionFeedQuerySchema: yup.AnyObjectSchema = yup
  .object({ kind, locale })
  .noUnknown(true, unknownKeys);

/** The JSON-LD of a story takes its locale only. */
export const jsonLdQuerySchema: yup.AnyObjectSchema = yup
  .object({ locale })
  .noUnknown(true, unknownKeys);
