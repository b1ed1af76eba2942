import { fieldTexts } from '../../../shared/messages/content-manager-fields';
import { languageOf, type Language } from '../../../shared/messages/language';

/**
 * The Content Manager shows a field's description and placeholder as stored in its configuration,
 * in one language, without looking them up as translations (its FormLayout translates labels
 * only). This edit-view layout hook swaps the plugin's own English texts, as the server stored
 * them, for the admin's language; a text the app's admin wrote in "Configure the view" matches
 * none of them and stays as it is.
 */

// The admin keeps the user's language there (@strapi/admin's reducer, setLocale): the hook runs
// while the layout is computed, outside any component that could read react-intl's locale.
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';

const adminLanguage = (): Language => {
  try {
    return languageOf(window.localStorage.getItem(ADMIN_LANGUAGE_KEY));
  } catch {
    return 'en';
  }
};

const KINDS = ['description', 'placeholder'] as const;
type TextKind = (typeof KINDS)[number];
const keyOf = (kind: TextKind, field: string, text: string) => `${kind}\u0000${field}\u0000${text}`;

/** A lookup from a field's English text, as the server stored it, to its text in `language`. */
const translationsOf = (language: Language) => {
  const localized = fieldTexts(language);
  const table = new Map<string, string>();
  fieldTexts('en').forEach((entry, index) => {
    for (const kind of KINDS) {
      if (entry[kind]) {
        table.set(keyOf(kind, entry.field, entry[kind]), localized[index][kind]);
      }
    }
  });
  return (kind: TextKind, field: string, text: unknown) =>
    typeof text === 'string' ? (table.get(keyOf(kind, field, text)) ?? text) : text;
};

type Field = { name: string; hint?: unknown; placeholder?: unknown };
type EditLayout = {
  layout: Field[][][];
  components: Record<string, { layout: Field[][] } & Record<string, unknown>>;
} & Record<string, unknown>;

export const translateFieldHints = <TArgs extends { layout: EditLayout }>(args: TArgs): TArgs => {
  const language = adminLanguage();
  if (language === 'en') {
    return args;
  }
  const translate = translationsOf(language);
  const translateField = <TField extends Field>(field: TField): TField => ({
    ...field,
    hint: translate('description', field.name, field.hint),
    placeholder: translate('placeholder', field.name, field.placeholder),
  });
  const { layout } = args;
  return {
    ...args,
    layout: {
      ...layout,
      layout: layout.layout.map((panel) => panel.map((row) => row.map(translateField))),
      components: Object.fromEntries(
        Object.entries(layout.components).map(([uid, component]) => [
          uid,
          { ...component, layout: component.layout.map((row) => row.map(translateField)) },
        ])
      ),
    },
  };
};
