/**
 * A story exists per locale (Strapi i18n): one documentId, one version per language, each with its
 * own publish, corrections and public snapshot. This is the key that names one language version.
 */
export const storyVersionKey = (documentId: string, locale: string | null | undefined) =>
  `${documentId}\u0000${locale ?? ''}`;
