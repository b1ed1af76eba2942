import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { CORRECTION_KIND_LABELS, type CorrectionKind } from '../../../shared/contracts/corrections';
import { getTranslation } from '../utils/getTranslation';

export const KindLabel = ({ kind }: { kind: CorrectionKind }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge active={kind === 'retraction'}>
      {formatMessage({
        id: getTranslation(`kind.${kind}`),
        defaultMessage: CORRECTION_KIND_LABELS[kind],
      })}
    </Badge>
  );
};
