import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';

import { ConfidentialSourceField } from './components/ConfidentialSourceField';
import { SOURCE_FIELD_TYPE, withSourceFieldInput } from './utils/source-field-layout';
import { SOURCE_CONTENT_MANAGER_PATHS } from './utils/source-paths';

const MUTATE_EDIT_VIEW_LAYOUT = 'Admin/CM/pages/EditView/mutate-edit-view-layout';

/**
 * The anonymous quote's confidential source in the Content Manager: the plugin's input for the
 * field (by alias, the linked source opening its register page), and the Content Manager's own
 * addresses of a source leading to the register. The admin app creates the layout hook and the
 * router before any plugin registers.
 */
export const registerSourceField = (app: StrapiApp) => {
  // Typed without props by the admin; the Content Manager renders it with the field's props.
  const Component = ConfidentialSourceField as unknown as ComponentType;
  app.addFields({ type: SOURCE_FIELD_TYPE, Component });
  app.registerHook(MUTATE_EDIT_VIEW_LAYOUT, withSourceFieldInput);
  // Siblings of the Content Manager's `content-manager/*`: React Router prefers the longer path.
  app.router.addRoute(
    SOURCE_CONTENT_MANAGER_PATHS.map((path) => ({
      path,
      lazy: async () => ({ Component: (await import('./pages/SourceRedirectPage')).default }),
    }))
  );
};
