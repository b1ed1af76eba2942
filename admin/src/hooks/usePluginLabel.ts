import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

/** The panel's strings: a plugin translation key, its English default, and any values. */
export const usePluginLabel = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};
