import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { LibraryDocument } from '../utils/api';
import { EXTRACTION_LABELS } from '../utils/document-labels';
import { getTranslation } from '../utils/getTranslation';

const COLOURS = {
  none: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  pending: { backgroundColor: 'warning100', textColor: 'warning700' },
  done: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
} as const;

/** How far the server got reading a source document's PDF (what R2 and R11 rely on). */
export const ExtractionBadge = ({ status }: { status: LibraryDocument['text']['status'] }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge {...COLOURS[status]}>
      {formatMessage({
        id: getTranslation(`extraction.${status}`),
        defaultMessage: EXTRACTION_LABELS[status],
      })}
    </Badge>
  );
};
