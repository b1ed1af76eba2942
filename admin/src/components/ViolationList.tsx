import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { HouseRuleInfo } from '../../../shared/contracts/rules';
import type { Violation } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { focusField } from '../utils/violations';

type Props = {
  violations: Violation[];
  tone: 'danger' | 'warning';
  /** The app's house rules, for their titles in the panel's language. */
  houseRules?: HouseRuleInfo[];
};

/** The rules' findings as the server reports them, each able to take the editor to its field. */
export const ViolationList = ({ violations, tone, houseRules = [] }: Props) => {
  const { formatMessage, locale } = useIntl();
  const titleOf = (code: string) => {
    const rule = houseRules.find((house) => house.code === code);
    return rule ? (locale.startsWith('fr') ? rule.title.fr : rule.title.en) : null;
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {violations.map((violation) => (
        <Box
          key={`${violation.code}-${violation.path}`}
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
              <Typography variant="omega">{violation.message}</Typography>
              <TextButton onClick={() => focusField(violation.path)}>
                {formatMessage({
                  id: getTranslation('checklist.goToField'),
                  defaultMessage: 'Go to the field',
                })}
              </TextButton>
            </Flex>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
