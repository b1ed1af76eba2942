import { Layouts, Page, SubNav } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Route, Routes } from 'react-router-dom';

import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { getTranslation } from '../utils/getTranslation';
import { ApprovalQueuePage } from './ApprovalQueuePage';
import { CorrectionsPage } from './CorrectionsPage';
import { DeskPage } from './DeskPage';

/** The plugin's pages, each shown only to users whose permissions the server would honour. */
export const App = () => {
  const { formatMessage } = useIntl();
  const rbac = usePluginRBAC();
  const label = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  if (rbac.isLoading) {
    return <Page.Loading />;
  }

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
          </SubNav.Content>
        </SubNav.Main>
      }
    >
      <Routes>
        <Route index element={rbac.canRead ? <DeskPage /> : <Page.NoPermissions />} />
        <Route
          path="approvals"
          element={rbac.canApprove ? <ApprovalQueuePage /> : <Page.NoPermissions />}
        />
        <Route
          path="corrections"
          element={rbac.canRead ? <CorrectionsPage /> : <Page.NoPermissions />}
        />
      </Routes>
    </Layouts.Root>
  );
};

export default App;
