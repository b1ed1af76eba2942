import './dom-polyfills';

import { DesignSystemProvider } from '@strapi/design-system';
import { render as renderRTL, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';

import { prefixPluginTranslations } from '../src/utils/prefixPluginTranslations';
import { sharedTranslations } from '../src/utils/shared-translations';
import en from '../src/translations/en.json';
import fr from '../src/translations/fr.json';

const MESSAGES = { en, fr } as const;

/**
 * Renders a panel component the way the admin app wraps it: Strapi's design system and react-intl
 * with the plugin's own translations and the shared catalogues' (prefixed as registerTrads does). Components that
 * call the admin's hooks (fetch client, RBAC) are tested in the browser suite instead.
 */
export const render = (
  ui: ReactElement,
  { locale = 'en', ...options }: RenderOptions & { locale?: keyof typeof MESSAGES } = {}
) => {
  const Providers = ({ children }: { children: ReactNode }) => (
    <IntlProvider
      locale={locale}
      messages={prefixPluginTranslations({ ...sharedTranslations(locale), ...MESSAGES[locale] })}
      textComponent="span"
    >
      <DesignSystemProvider locale={locale}>{children}</DesignSystemProvider>
    </IntlProvider>
  );
  return { user: userEvent.setup(), ...renderRTL(ui, { wrapper: Providers, ...options }) };
};

export { screen, within, waitFor } from '@testing-library/react';
