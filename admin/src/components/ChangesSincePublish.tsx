import { Box, Flex, Typography } from '@strapi/design-system';
import { diffWords } from 'diff';

import type { ReaderVisibleChange } from '../../../shared/contracts/rules';
import { FIELD_LABELS } from '../../../shared/messages/field-labels';
import { usePluginLabel } from '../hooks/usePluginLabel';

// Unchanged text longer than this is cut to its ends, so a one-word fix in a long body shows as
// the word and its surroundings.
const CONTEXT = 60;

const shorten = (text: string, first: boolean, last: boolean) => {
  if (text.length <= CONTEXT * 2) {
    return text;
  }
  const head = first ? '' : text.slice(0, CONTEXT);
  const tail = last ? '' : text.slice(-CONTEXT);
  return `${head} … ${tail}`;
};

/** One field's change as a word diff: removed words struck out, added words marked. */
export const WordDiff = ({ before, after }: { before: string; after: string }) => {
  const parts = diffWords(before, after);
  return (
    <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, index) => {
        if (part.added) {
          return (
            <Box key={index} tag="ins" background="success100" color="success700">
              {part.value}
            </Box>
          );
        }
        if (part.removed) {
          return (
            <Box key={index} tag="del" background="danger100" color="danger700">
              {part.value}
            </Box>
          );
        }
        return (
          <span key={index}>{shorten(part.value, index === 0, index === parts.length - 1)}</span>
        );
      })}
    </Typography>
  );
};

/**
 * What readers will see change at the next publish, field by field under its label: the
 * difference R9 asks an editor to explain (a correction) or declare (not substantive).
 */
export const ChangesSincePublish = ({ changes }: { changes: ReaderVisibleChange[] }) => {
  const label = usePluginLabel();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
      {changes.map((change) => (
        <Box key={change.field} tag="li">
          <Typography variant="sigma" textColor="neutral600">
            {label(`field.${change.field}`, FIELD_LABELS[change.field].en)}
          </Typography>
          <WordDiff before={change.before} after={change.after} />
        </Box>
      ))}
    </Flex>
  );
};
