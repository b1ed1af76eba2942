/** The languages the plugin speaks: its panel, and the messages the server writes for editors. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in each of the plugin's languages. */
export type Localized = Record<Language, string>;

/** The plugin's language for a locale such as the admin's `fr-FR` or `en`: English otherwise. */
export const languageOf = (locale: string | null | undefined): Language =>
  LANGUAGES.find((language) => locale?.toLowerCase().startsWith(language)) ?? 'en';

/**
 * Fills `{name}` placeholders, the subset of ICU message syntax these catalogues use, so that the
 * server writes the same sentence the panel renders with react-intl from the same template.
 */
export const fillTemplate = (template: string, values: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder
  );
