import { Typography } from '@strapi/design-system';

import { usePluginLabel } from '../../hooks/usePluginLabel';
import { WordDiff } from '../ChangesSincePublish';

/**
 * What changed in a voided quote since it was approved, word by word. An approval made before
 * the approved text was kept has none to compare with; an unchanged text means the attribution,
 * the reason or the sourcing changed instead.
 */
export const ApprovedTextDiff = ({
  approvedText,
  quote,
}: {
  approvedText: string | null;
  quote: string;
}) => {
  const label = usePluginLabel();
  if (approvedText === null) {
    return (
      <Typography variant="pi" textColor="neutral600" tag="p">
        {label(
          'queue.detail.noApprovedText',
          'The text approved before was not kept (approved with an earlier version of the plugin): read the quote as a new one.'
        )}
      </Typography>
    );
  }
  if (approvedText === quote) {
    return (
      <Typography variant="pi" textColor="neutral600" tag="p">
        {label(
          'queue.detail.textUnchanged',
          'The Quote reads as approved: its Attribution, Reason for anonymity or sourcing changed since.'
        )}
      </Typography>
    );
  }
  return <WordDiff before={approvedText} after={quote} />;
};
