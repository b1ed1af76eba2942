import { yup } from '@strapi/utils';

import { httpUrl } from './rules';

/** The placeholders a story URL template may use; at least one must identify the story. */
export const STORY_URL_PLACEHOLDERS = ['{slug}', '{documentId}'] as const;

const storyUrlTemplate = () =>
  yup
    .string()
    .nullable()
    .max(500, '${path} must be at most ${max} characters')
    .test(
      'story-url-template',
      '${path} must be a full http(s) address containing {slug} or {documentId}, e.g. https://news.example/stories/{slug}',
      (value) => {
        if (value === undefined || value === null || value === '') {
          return true;
        }
        if (!STORY_URL_PLACEHOLDERS.some((placeholder) => value.includes(placeholder))) {
          return false;
        }
        try {
          const { protocol } = new URL(value.replace(/\{(slug|documentId|locale)\}/g, 'x'));
          return protocol === 'https:' || protocol === 'http:';
        } catch {
          return false;
        }
      }
    );

const url = () => httpUrl().max(500, '${path} must be at most ${max} characters');

/**
 * The publisher's settings, edited in the admin and read by the JSON-LD and the feeds. A PUT
 * replaces them whole: a field left out is cleared.
 */
export const settingsSchema: yup.AnyObjectSchema = yup
  .object({
    publisherName: yup
      .string()
      .nullable()
      .trim()
      .max(200, '${path} must be at most ${max} characters'),
    publisherUrl: url(),
    publisherLogoUrl: url(),
    correctionsPolicyUrl: url(),
    unnamedSourcesPolicyUrl: url(),
    storyUrlTemplate: storyUrlTemplate(),
  })
  .noUnknown(true, 'unknown setting(s): ${unknown}');
