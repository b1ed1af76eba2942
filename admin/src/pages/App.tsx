import { Layouts, Page, SubNav } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { ApprovalQueuePage } from './ApprovalQueuePage';
import { CorrectionsPage } from './CorrectionsPage';
import { DeskPage } from './DeskPage';
import { SourceDocumentPage } from './SourceDocumentPage';
import { SourceLibraryPage } from './SourceLibraryPage';
import { SourcePage } from './SourcePage';
import { SourceRegisterPage } from './SourceRegisterPage';

/** The plugin's pages, each shown only to users whose permissions the server would honour. */
export const App = () => {
  const rbac = usePluginRBAC();
  const label = usePluginLabel();

  if (rbac.isLoading) {
    return <Page.Loading />;
  }
  // The register lists sources without identities (readable with the sourcing permission), but
  // it is shown only to those the register's own permissions concern.
  const canOpenRegister = rbac.canRead && (rbac.canRevealSources || rbac.canManageSources);
  const guarded = (allowed: boolean, page: React.ReactNode, content?: string) =>
    allowed ? page : <Page.NoPermissions {...(content ? { content } : {})} />;
  // Reached from a quote's linked source too (SourceRedirectPage): say which permission opens it.
  const registerNeeds = label(
    'register.needsPermission',
    'The source register needs the permissions "Read stories\' sourcing and readiness" and "Reveal confidential sources" or "Create and edit confidential sources". Ask an administrator to add them to your role.'
  );

  return (
    <Layouts.Root
      sideNav={
        <SubNav.Main>
          <SubNav.Header label={label('plugin.name', 'Intelligence stories')} />
          <SubNav.Content>
            {rbac.canRead ? <SubNav.Link to="" end label={label('nav.desk', 'Desk')} /> : null}
            {rbac.canApprove ? (
              <SubNav.Link to="approvals" label={label('nav.approvals', 'Approval queue')} />
            ) : null}
            {rbac.canRead ? (
              <SubNav.Link to="corrections" label={label('nav.corrections', 'Corrections')} />
            ) : null}
            {rbac.canRead ? (
              <SubNav.Link to="library" label={label('nav.library', 'Source documents')} />
            ) : null}
            {canOpenRegister ? (
              <SubNav.Link to="register" label={label('nav.register', 'Source register')} />
            ) : null}
          </SubNav.Content>
        </SubNav.Main>
      }
    >
      <Routes>
        <Route index element={guarded(rbac.canRead, <DeskPage />)} />
        <Route path="approvals" element={guarded(rbac.canApprove, <ApprovalQueuePage />)} />
        <Route path="corrections" element={guarded(rbac.canRead, <CorrectionsPage />)} />
        <Route path="library" element={guarded(rbac.canRead, <SourceLibraryPage />)} />
        <Route path="library/:documentId" element={guarded(rbac.canRead, <SourceDocumentPage />)} />
        <Route
          path="register"
          element={guarded(canOpenRegister, <SourceRegisterPage />, registerNeeds)}
        />
        <Route
          path="register/:documentId"
          element={guarded(canOpenRegister, <SourcePage />, registerNeeds)}
        />
      </Routes>
    </Layouts.Root>
  );
};

export default App;
