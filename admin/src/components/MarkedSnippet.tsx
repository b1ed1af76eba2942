import { Box, Typography } from '@strapi/design-system';

import { splitMarkedSnippet } from '../utils/marked-snippet';

/**
 * A search snippet with its matches highlighted in <mark> elements, built as React text nodes
 * (never as HTML: the snippet is the PDF's text, which anyone uploading a PDF controls).
 */
export const MarkedSnippet = ({ snippet }: { snippet: string }) => (
  <Typography tag="p">
    {splitMarkedSnippet(snippet).map(({ text, marked }, index) =>
      marked ? (
        <Box
          key={index}
          tag="mark"
          background="warning200"
          color="neutral800"
          fontWeight="semiBold"
          hasRadius
          paddingLeft="0.2rem"
          paddingRight="0.2rem"
        >
          {text}
        </Box>
      ) : (
        text
      )
    )}
  </Typography>
);
