import { yup } from '@strapi/utils';

// Shared building blocks for the per-type schemas. Messages name the field (${path}) and the rule.

export const notBlank = (schema = yup.string().nullable()) =>
  schema.test(
    'not-blank',
    '${path} cannot be only spaces',
    (value) => value === undefined || value === null || value.trim().length > 0
  );

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = () =>
  yup
    .string()
    .nullable()
    .matches(
      SLUG_PATTERN,
      '${path} must be lowercase letters and digits joined by single hyphens, e.g. "report-points-to-russian-interference"'
    );

export const httpUrl = () =>
  yup
    .string()
    .nullable()
    .test(
      'http-url',
      '${path} must be a full http(s) address, e.g. https://www.dni.gov/…',
      (value) => {
        if (value === undefined || value === null || value === '') {
          return true;
        }
        try {
          const { protocol } = new URL(value);
          return protocol === 'https:' || protocol === 'http:';
        } catch {
          return false;
        }
      }
    );
