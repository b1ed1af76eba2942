import type { Core } from '@strapi/strapi';
import get from 'lodash/get';
import isEqual from 'lodash/isEqual';
import omit from 'lodash/omit';
import set from 'lodash/set';

import {
  contentManagerConfigurationService,
  contentManagerService,
  type ContentManagerConfiguration,
} from '../strapi-internals/content-manager';
import { PLUGIN_ID } from '../utils/plugin-id';
import { PLUGIN_VIEWS, viewPaths } from './views';

// What the plugin last wrote into each view, path by path: a stored value still equal to it is
// the plugin's own, one that differs is the admin's choice.
const WRITTEN_KEY = 'content-manager-views';

type Written = Record<string, Record<string, unknown>>;

type ContentManagerModel = {
  attributes: Record<string, { type: string; relation?: string; relationType?: string }>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
};

// The Content Manager's own rules (services/utils/configuration/attributes) for a column.
const NOT_LISTABLE = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const LISTABLE_RELATIONS = ['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany'];
const isListable = (model: ContentManagerModel, name: string) => {
  const attribute = model.attributes[name];
  if (model.config?.attributes?.[name]?.hidden || NOT_LISTABLE.includes(attribute.type)) {
    return false;
  }
  return (
    attribute.type !== 'relation' ||
    LISTABLE_RELATIONS.includes(attribute.relationType ?? attribute.relation ?? '')
  );
};

/**
 * What the Content Manager itself would have stored at a path, before anyone configured the view
 * (its createDefaultConfiguration): a value equal to it is untouched, the plugin may set its own.
 */
const contentManagerDefault = (model: ContentManagerModel, path: string): unknown => {
  const firstString =
    Object.keys(model.attributes).find(
      (name) => model.attributes[name].type === 'string' && name !== 'id'
    ) ?? 'id';
  if (path === 'settings.mainField' || path === 'settings.defaultSortBy') {
    return firstString;
  }
  if (path === 'settings.defaultSortOrder') {
    return 'ASC';
  }
  if (path === 'layouts.list') {
    return Object.keys(model.attributes)
      .filter((name) => isListable(model, name) && name !== 'documentId')
      .slice(0, 4);
  }
  const [, field, , property] = path.split('.');
  return property === 'label' ? field : '';
};

const findModel = (strapi: Core.Strapi, uid: string, kind: 'content-types' | 'components') => {
  const service = strapi.plugin('content-manager').service(kind) as unknown as {
    findContentType?: (uid: string) => ContentManagerModel | undefined;
    findComponent?: (uid: string) => ContentManagerModel | undefined;
  };
  return kind === 'content-types' ? service.findContentType?.(uid) : service.findComponent?.(uid);
};

/**
 * Sets up the Content Manager's views of the plugin's types and components (./views) at every
 * boot, path by path, only where the stored value is still the Content Manager's default or what
 * the plugin wrote last time: a label, a column or a main field the app's admin chose in
 * "Configure the view" is kept, and a later version of the plugin can still improve the rest.
 * Runs after the Content Manager's own bootstrap, which creates and syncs the stored views.
 */
export const applyContentManagerViews = async (strapi: Core.Strapi) => {
  // Touch the service so an unsupported Content Manager fails here, not half-way through.
  contentManagerService(strapi, 'uid');
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: WRITTEN_KEY });
  const written = ((await store.get({})) as Written | null) ?? {};
  const nextWritten: Written = {};
  for (const [uid, view] of Object.entries(PLUGIN_VIEWS)) {
    const model = findModel(strapi, uid, view.kind);
    const service = contentManagerConfigurationService(strapi, view.kind);
    const stored = model ? await service.findConfiguration({ uid }) : null;
    if (!model || !stored?.metadatas) {
      continue;
    }
    const configuration: ContentManagerConfiguration = structuredClone(stored);
    const wanted = viewPaths(uid);
    let changed = false;
    for (const [path, value] of Object.entries(wanted)) {
      const current = get(configuration, path);
      if (isEqual(current, value)) {
        continue;
      }
      const untouched =
        (written[uid] && path in written[uid] && isEqual(current, written[uid][path])) ||
        isEqual(current ?? '', contentManagerDefault(model, path));
      // A field the schema no longer has keeps no metadata: the Content Manager drops it.
      if (
        untouched &&
        (!path.startsWith('metadatas.') || configuration.metadatas?.[path.split('.')[1]])
      ) {
        set(configuration, path, value);
        changed = true;
      }
    }
    nextWritten[uid] = wanted;
    if (changed) {
      // The service adds the uid (and a component's category) back when it stores the view.
      await service.updateConfiguration(
        { uid },
        omit(configuration, ['uid', 'isComponent', 'category'])
      );
    }
  }
  await store.set({ value: nextWritten });
};
