import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import type { HouseRuleInfo } from '../../../shared/contracts/rules';
import { languageOf } from '../../../shared/messages/language';
import { useRuleMessage } from '../hooks/useRuleMessage';
import type { Violation } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { focusById, focusField } from '../utils/violations';

type Props = {
  violations: Violation[];
  tone: 'danger' | 'warning';
  /** The app's house rules, for their titles in the panel's language. */
  houseRules?: HouseRuleInfo[];
  /**
   * Where R6's remedy is: the id of the element holding each quote's approval (by its index), when
   * the user may decide. Without it, R6 takes the editor to the quote, as any other rule.
   */
  approvalElementId?: (quoteIndex: number) => string;
  /**
   * Shown away from the story's edit view (the approval queue): its address, where the fields
   * are, for a user who may open it; null when they may not. Left out, the fields are on the page.
   */
  editViewPath?: string | null;
};

const quoteIndexOf = (path: string) => {
  const match = /^anonymousQuotes\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
};

/**
 * The rules' findings in the admin's language, each with its remedy one click away: the field it
 * names (opening a collapsed entry), or for an unapproved quote, its approval.
 */
export const ViolationList = ({
  violations,
  tone,
  houseRules = [],
  approvalElementId,
  editViewPath,
}: Props) => {
  const { formatMessage, locale } = useIntl();
  const say = useRuleMessage();
  const titleOf = (code: string) =>
    houseRules.find((house) => house.code === code)?.title[languageOf(locale)] ?? null;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {violations.map((violation) => {
        const { message, field } = say(violation);
        const quoteIndex = violation.code === 'R6' ? quoteIndexOf(violation.path) : null;
        const toApproval =
          quoteIndex !== null && approvalElementId ? approvalElementId(quoteIndex) : null;
        return (
          <Box
            key={`${violation.code}-${violation.path}-${violation.messageId ?? ''}`}
            tag="li"
            padding={2}
            hasRadius
            background={tone === 'danger' ? 'danger100' : 'warning100'}
          >
            <Flex gap={2} alignItems="flex-start">
              <Badge
                backgroundColor={tone === 'danger' ? 'danger200' : 'warning200'}
                textColor={tone === 'danger' ? 'danger700' : 'warning700'}
              >
                {violation.code}
              </Badge>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {titleOf(violation.code) ? (
                  <Typography variant="omega" fontWeight="bold">
                    {titleOf(violation.code)}
                  </Typography>
                ) : null}
                {violation.overridden ? (
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: getTranslation('checklist.overridden'),
                      defaultMessage: 'Overridden for the next publish',
                    })}
                  </Typography>
                ) : null}
                <Typography variant="omega">{message}</Typography>
                {editViewPath !== undefined ? (
                  // Away from the form: the story's edit view, where its checklist goes to the field.
                  editViewPath ? (
                    <Link to={editViewPath}>
                      {formatMessage(
                        {
                          id: getTranslation('checklist.openStoryAt'),
                          defaultMessage: 'Fix {field} in the story',
                        },
                        { field }
                      )}
                    </Link>
                  ) : null
                ) : toApproval ? (
                  <TextButton onClick={() => focusById(toApproval)}>
                    {formatMessage({
                      id: getTranslation('checklist.goToApproval'),
                      defaultMessage: 'Open the approval',
                    })}
                  </TextButton>
                ) : (
                  <TextButton onClick={() => void focusField(violation.path)}>
                    {formatMessage(
                      {
                        id: getTranslation('checklist.goToNamedField'),
                        defaultMessage: 'Go to {field}',
                      },
                      { field }
                    )}
                  </TextButton>
                )}
              </Flex>
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
