import { getTranslation } from './getTranslation';

export const prefixPluginTranslations = (
  translations: Record<string, string>
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(translations).map(([key, value]) => [getTranslation(key), value])
  );
