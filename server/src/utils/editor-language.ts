import type { Core } from '@strapi/strapi';

import { languageOf, type Language } from '../../../shared/messages/language';

type RequestState = {
  state?: { user?: { preferedLanguage?: string | null } };
  get?: (header: string) => string;
};

/**
 * The language of the admin user behind the current request, for the messages the Content Manager
 * shows as they come (a refused publish's toast and field errors): the language they chose in
 * their profile, else their browser's. English outside a request (code, migrations, the CLI).
 */
export const editorLanguage = (strapi: Core.Strapi): Language => {
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  return languageOf(ctx?.state?.user?.preferedLanguage ?? ctx?.get?.('accept-language'));
};
