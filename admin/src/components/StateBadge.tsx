import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { DeskState } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const VARIANTS = { draft: 'secondary', published: 'success', modified: 'alternative' } as const;
const LABELS = { draft: 'Draft', published: 'Published', modified: 'Modified' };

/** The Content Manager's own words and colours for a story's publication state. */
export const StateBadge = ({ state }: { state: DeskState }) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANTS[state]} size="S">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: LABELS[state] })}
      </Typography>
    </Status>
  );
};
