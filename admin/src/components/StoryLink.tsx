import { Link, Tooltip, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { usePluginLabel } from '../hooks/usePluginLabel';
import { storyEditPath } from '../utils/edit-paths';

type Props = {
  documentId: string;
  title: string;
  /** The server's word on whether the Content Manager opens this story for the user. */
  canOpen: boolean | undefined;
  /** The language version to open (Strapi i18n); the Content Manager's default when absent. */
  locale?: string | null;
};

/**
 * A story's title, linked to its edit view only when the Content Manager would open it for the
 * user: an Author reads their own entries only, and a link answering Forbidden is a dead end.
 */
export const StoryLink = ({ documentId, title, canOpen, locale }: Props) => {
  const label = usePluginLabel();
  if (canOpen) {
    return (
      <Link tag={NavLink} to={storyEditPath(documentId, locale)}>
        {title}
      </Link>
    );
  }
  return (
    <Tooltip
      label={label(
        'links.cannotOpen',
        'Your role cannot open this story in the Content Manager. Ask its author or an editor.'
      )}
    >
      <Typography textColor="neutral800">{title}</Typography>
    </Tooltip>
  );
};
