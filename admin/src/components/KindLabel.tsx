import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CorrectionKind } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

export const KIND_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
  editors_note: "Editor's note",
  retraction: 'Retraction',
};

export const KindLabel = ({ kind }: { kind: CorrectionKind }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge active={kind === 'retraction'}>
      {formatMessage({ id: getTranslation(`kind.${kind}`), defaultMessage: KIND_LABELS[kind] })}
    </Badge>
  );
};
