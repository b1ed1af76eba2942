import { Box, Typography } from '@strapi/design-system';

import type { QuoteInParagraph as Found } from '../../../../shared/contracts/desk';
import { usePluginLabel } from '../../hooks/usePluginLabel';

/** The body paragraph that holds the quote, the quote marked; or that the body does not hold it. */
export const QuoteInParagraph = ({ paragraph }: { paragraph: Found }) => {
  const label = usePluginLabel();
  if (!paragraph) {
    return (
      <Typography variant="omega" textColor="warning600" tag="p">
        {label(
          'queue.detail.notInBody',
          'The story’s Body does not contain this quote: check that the Quote matches the paragraph that quotes it.'
        )}
      </Typography>
    );
  }
  return (
    <Typography variant="omega" tag="p" textColor="neutral700">
      {paragraph.before}
      <Box tag="mark" background="primary100" color="primary700" fontWeight="bold">
        {paragraph.match}
      </Box>
      {paragraph.after}
    </Typography>
  );
};
