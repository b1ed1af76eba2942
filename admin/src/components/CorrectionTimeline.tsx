import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { DeskCorrection } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { KindLabel } from './KindLabel';

/** A story's corrections, newest first: append-only, so this is the whole public record. */
export const CorrectionTimeline = ({ corrections }: { corrections: DeskCorrection[] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (corrections.length === 0) {
    return (
      <Typography variant="omega" textColor="neutral600">
        {formatMessage({
          id: getTranslation('corrections.none'),
          defaultMessage: 'No corrections.',
        })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ol">
      {corrections.map((correction) => (
        <Box
          key={correction.documentId}
          tag="li"
          paddingLeft={3}
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="0 0 0 2px"
        >
          <Flex gap={2}>
            <KindLabel kind={correction.kind} />
            <Typography variant="pi" textColor="neutral600">
              {formatDate(correction.issuedAt, { dateStyle: 'medium', timeStyle: 'short' })}
              {correction.issuedBy ? ` · ${correction.issuedBy}` : ''}
            </Typography>
          </Flex>
          <Typography variant="omega" tag="p">
            {correction.text}
          </Typography>
          {correction.held ? (
            <Typography variant="pi" textColor="warning600" fontWeight="semiBold">
              {formatMessage({
                id: getTranslation('corrections.held'),
                defaultMessage: 'Held: goes public with the next publish of the story',
              })}
            </Typography>
          ) : null}
          {correction.supersedes ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTranslation('corrections.supersedes'),
                defaultMessage: 'Supersedes an earlier correction',
              })}
            </Typography>
          ) : null}
          {correction.lateReason ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: getTranslation('corrections.lateReason'), defaultMessage: 'Late: {reason}' },
                { reason: correction.lateReason }
              )}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Flex>
  );
};
