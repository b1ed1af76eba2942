import { Navigate, useParams } from 'react-router-dom';

import { registerPagePath, REGISTER_PATH } from '../utils/source-paths';

/**
 * The Content Manager's address of a confidential source, which it answers with "Whoops! Something
 * went wrong", leads to the register instead, whose page tells a user without its permissions
 * which ones they need.
 */
export const SourceRedirectPage = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  return <Navigate replace to={documentId ? registerPagePath(documentId) : REGISTER_PATH} />;
};

export default SourceRedirectPage;
