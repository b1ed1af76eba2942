import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { labelPath } from '../../../shared/messages/field-labels';
import { languageOf } from '../../../shared/messages/language';
import { messageValues } from '../../../shared/messages/rule-messages';
import type { Violation } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

/**
 * A violation as the editor reads it, in the admin's language: R1–R11's message by its id and
 * values, the fields named by their labels; a house rule's finding as the app wrote it. Also the
 * label of the field it points at, for "Go to …".
 */
export const useRuleMessage = () => {
  const { formatMessage, locale } = useIntl();
  const language = languageOf(locale);
  return useCallback(
    (violation: Violation) => ({
      message: violation.messageId
        ? formatMessage(
            {
              id: getTranslation(`rule.${violation.messageId}`),
              defaultMessage: violation.message,
            },
            messageValues(violation.path, violation.values, language)
          )
        : violation.message,
      field: labelPath(violation.path, language).full,
    }),
    [formatMessage, language]
  );
};
