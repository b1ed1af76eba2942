import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

import type { DecisionAbility } from '../../../../shared/contracts/desk';
import { usePluginLabel } from '../../hooks/usePluginLabel';

/**
 * Why the signed-in standards editor may not decide here, shown before they try (the server's
 * verdict, sent with the quote). Not the design system's Alert: it always draws a close button,
 * and this notice holds as long as the rule does.
 */
export const FourEyesNotice = ({ decision }: { decision: DecisionAbility }) => {
  const label = usePluginLabel();
  if (decision.mayDecide) {
    return null;
  }
  return (
    <Box role="status" background="warning100" borderColor="warning200" hasRadius padding={3}>
      <Flex gap={2} alignItems="flex-start">
        <WarningCircle fill="warning600" aria-hidden />
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="omega" fontWeight="bold">
            {label('queue.fourEyes.title', 'Four eyes')}
          </Typography>
          <Typography variant="omega">
            {label(
              `queue.fourEyes.${decision.reason}`,
              'You saved this story last: another standards editor must approve or reject its quotes.'
            )}
          </Typography>
        </Flex>
      </Flex>
    </Box>
  );
};
