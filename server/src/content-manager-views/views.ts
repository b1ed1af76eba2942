import { fieldTexts } from '../../../shared/messages/content-manager-fields';
import {
  ANONYMOUS_QUOTE_UID,
  COMPONENT_CATEGORY,
  CORRECTION_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../utils/plugin-id';

/**
 * The Content Manager's views of the plugin's types as the plugin sets them up: the field that
 * names an entry (in relation pickers, a repeatable entry's header, the edit view's title), the
 * list's columns and order, and each field's label, description and placeholder in English (the
 * Content Manager stores one language; the admin panel shows the others from translations).
 */
export type PluginView = {
  kind: 'content-types' | 'components';
  mainField: string;
  list?: string[];
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
};

export const PLUGIN_VIEWS: Record<string, PluginView> = {
  // Stories by title, with their kind and last edit; the Content Manager adds the status column.
  [STORY_UID]: {
    kind: 'content-types',
    mainField: 'title',
    list: ['title', 'kind', 'updatedAt'],
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
  },
  [SOURCE_DOCUMENT_UID]: {
    kind: 'content-types',
    mainField: 'title',
    list: ['title', 'issuer', 'documentDate', 'classification'],
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
  },
  // The story column holds a document id; the admin panel shows the story's title in it
  // (admin/src/content-manager/correction-story-column.tsx).
  [CORRECTION_UID]: {
    kind: 'content-types',
    mainField: 'text',
    list: ['storyDocumentId', 'kind', 'issuedAt'],
    defaultSortBy: 'issuedAt',
    defaultSortOrder: 'DESC',
  },
  [`${COMPONENT_CATEGORY}.byline`]: { kind: 'components', mainField: 'name' },
  [`${COMPONENT_CATEGORY}.document-citation`]: { kind: 'components', mainField: 'passage' },
  [ANONYMOUS_QUOTE_UID]: { kind: 'components', mainField: 'attribution' },
  [`${COMPONENT_CATEGORY}.key-judgment`]: { kind: 'components', mainField: 'text' },
};

/** A view's settings, one path of the stored configuration each, with the plugin's value. */
export const viewPaths = (uid: string): Record<string, unknown> => {
  const view = PLUGIN_VIEWS[uid];
  const paths: Record<string, unknown> = { 'settings.mainField': view.mainField };
  if (view.list) {
    paths['layouts.list'] = view.list;
  }
  if (view.defaultSortBy) {
    paths['settings.defaultSortBy'] = view.defaultSortBy;
    paths['settings.defaultSortOrder'] = view.defaultSortOrder ?? 'ASC';
  }
  for (const text of fieldTexts('en').filter((entry) => entry.uid === uid)) {
    paths[`metadatas.${text.field}.edit.label`] = text.label;
    paths[`metadatas.${text.field}.list.label`] = text.label;
    paths[`metadatas.${text.field}.edit.description`] = text.description;
    paths[`metadatas.${text.field}.edit.placeholder`] = text.placeholder;
  }
  return paths;
};
