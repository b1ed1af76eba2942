import { Box, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';

import { usePluginLabel } from '../hooks/usePluginLabel';
import { usePluginRBAC } from '../hooks/usePluginRBAC';
import { useStorySourcing } from '../hooks/useStorySourcing';
import { PLUGIN_ID } from '../pluginId';
import { STORY_UID } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { AwaitingBadge, AwaitingHint } from './AwaitingReason';
import { ChangesSincePublish } from './ChangesSincePublish';
import { CorrectionTimeline } from './CorrectionTimeline';
import { DeclareNonSubstantiveForm } from './DeclareNonSubstantiveForm';
import { IssueCorrectionModal } from './IssueCorrectionModal';
import { QuoteDecision } from './QuoteDecision';
import { RuleOverrideForm } from './RuleOverrideForm';
import { ViolationList } from './ViolationList';

/** The checklist's element holding a quote's approval, which R6's remedy opens. */
const approvalElementId = (quoteIndex: number) => `${PLUGIN_ID}-approval-${quoteIndex}`;

type StoryDocument = { updatedAt?: string; firstPublishedAt?: string | null; status?: string };

const Checklist = ({ documentId, document }: { documentId: string; document?: StoryDocument }) => {
  const { formatMessage } = useIntl();
  const rbac = usePluginRBAC();
  const { readiness, corrections, carryOver, error, loading, reload, setReadiness } =
    useStorySourcing(documentId, { canRead: rbac.canRead }, document?.updatedAt);
  const label = usePluginLabel();

  if (rbac.isLoading || (loading && !readiness)) {
    return <Loader small>{label('checklist.loading', 'Checking the sourcing rules…')}</Loader>;
  }
  if (!rbac.canRead) {
    return null;
  }
  if (error || !readiness) {
    return <Typography textColor="danger600">{error}</Typography>;
  }

  // What readers would see change, and whether R9 still asks for it to be explained.
  const changes = readiness.changesSincePublish ?? [];
  const r9 = [...readiness.errors, ...readiness.warnings].some(({ code }) => code === 'R9');
  // Offered in the corrections and, while R9 asks for it, beside the change it would explain.
  const issueCorrection = (
    <IssueCorrectionModal
      storyDocumentId={documentId}
      firstPublishedAt={document?.firstPublishedAt ?? null}
      corrections={corrections}
      carryOver={carryOver}
      draftDiffers={changes.length > 0}
      onIssued={() => void reload()}
    />
  );
  // The server says which quotes await a decision, whatever R6's level (error, warning or off).
  const awaiting = readiness.awaitingDecision;
  const published = document?.status === 'published' || document?.status === 'modified';
  // The blocking rules the app's config lets someone override (the server checks who).
  const overridable = [
    ...new Set(
      readiness.errors.flatMap(({ code, overridableBy }) => (overridableBy ? [code] : []))
    ),
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      {readiness.ready ? (
        <Flex gap={2}>
          <CheckCircle fill="success600" />
          <Typography textColor="success600" fontWeight="bold">
            {label('checklist.ready', 'Ready to publish')}
          </Typography>
        </Flex>
      ) : (
        <Typography textColor="danger600" fontWeight="bold">
          {formatMessage(
            {
              id: getTranslation('checklist.blocked'),
              defaultMessage:
                '{count, plural, one {# rule blocks} other {# rules block}} publishing',
            },
            { count: readiness.errors.length }
          )}
        </Typography>
      )}
      {readiness.errors.length > 0 ? (
        <ViolationList
          violations={readiness.errors}
          tone="danger"
          houseRules={readiness.houseRules}
          approvalElementId={rbac.canApprove ? approvalElementId : undefined}
        />
      ) : null}
      {readiness.warnings.length > 0 ? (
        <ViolationList
          violations={readiness.warnings}
          tone="warning"
          houseRules={readiness.houseRules}
          approvalElementId={rbac.canApprove ? approvalElementId : undefined}
        />
      ) : null}

      {changes.length > 0 ? (
        <Box>
          <Divider />
          <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
            <Typography variant="sigma" tag="h3">
              {label('checklist.changed', 'Changed since the last publish')}
            </Typography>
            <ChangesSincePublish changes={changes} />
            {r9 ? (
              <>
                <Typography variant="omega">
                  {label(
                    'checklist.changed.remedy',
                    'Readers see these changes at the next publish. Explain them with a correction, which goes public with them, or declare them not substantive.'
                  )}
                </Typography>
                {/* A correction goes on a published story; R9 outlives an unpublish, and a
                    declaration answers it there too. */}
                {published && rbac.canIssue ? issueCorrection : null}
                {rbac.canManage ? (
                  <DeclareNonSubstantiveForm
                    storyDocumentId={documentId}
                    revision={readiness.revision}
                    onDeclared={() => void reload()}
                  />
                ) : null}
              </>
            ) : (
              <Typography variant="omega" textColor="neutral600">
                {label(
                  'checklist.changed.covered',
                  'Covered for the next publish by a correction or a declaration issued for this draft.'
                )}
              </Typography>
            )}
          </Flex>
        </Box>
      ) : null}

      {(readiness.overrides ?? []).length > 0 ? (
        <Box>
          <Divider />
          <Typography variant="sigma" tag="h3" paddingTop={3}>
            {label('checklist.overrides', 'Overridden for the next publish')}
          </Typography>
          {(readiness.overrides ?? []).map((override) => (
            <Flex
              key={override.documentId}
              direction="column"
              alignItems="stretch"
              gap={1}
              paddingTop={2}
            >
              <Typography variant="omega" fontWeight="bold">
                {formatMessage(
                  {
                    id: getTranslation('checklist.overriddenBy'),
                    defaultMessage: '{rule}, overridden by {name}',
                  },
                  { rule: override.rule, name: override.overriddenBy ?? '—' }
                )}
              </Typography>
              <Typography variant="omega">{override.reason}</Typography>
            </Flex>
          ))}
        </Box>
      ) : null}

      {overridable.length > 0 ? (
        <Box>
          <Divider />
          <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
            {overridable.map((rule) => (
              <RuleOverrideForm
                key={rule}
                storyDocumentId={documentId}
                rule={rule}
                revision={readiness.revision}
                onOverridden={() => void reload()}
              />
            ))}
          </Flex>
        </Box>
      ) : null}

      {awaiting.length > 0 ? (
        <Box>
          <Divider />
          <Typography variant="sigma" tag="h3" paddingTop={3}>
            {label('checklist.approvals', 'Anonymous quotes awaiting a decision')}
          </Typography>
          {awaiting.map(({ quoteIndex, reason }) => (
            <Flex
              key={quoteIndex}
              id={approvalElementId(quoteIndex)}
              // Focused by R6's "Open the approval".
              tabIndex={-1}
              direction="column"
              alignItems="stretch"
              gap={1}
              paddingTop={2}
            >
              <Flex gap={2}>
                <Typography variant="omega" fontWeight="bold">
                  {formatMessage(
                    { id: getTranslation('checklist.quote'), defaultMessage: 'Quote {number}' },
                    { number: quoteIndex + 1 }
                  )}
                </Typography>
                <AwaitingBadge reason={reason} />
              </Flex>
              <AwaitingHint reason={reason} />
              {rbac.canApprove ? (
                <QuoteDecision
                  storyDocumentId={documentId}
                  quoteIndex={quoteIndex}
                  revision={readiness.revision}
                  onDecided={(next) => (next ? setReadiness(next) : void reload())}
                />
              ) : null}
            </Flex>
          ))}
          {rbac.canApprove ? null : (
            // Saved quotes are in the standards desk's queue already: the request is made.
            <Typography variant="omega" textColor="neutral600" paddingTop={2}>
              {label(
                'checklist.requested',
                'Approval requested: these quotes are in the standards editors’ approval queue.'
              )}
            </Typography>
          )}
        </Box>
      ) : null}

      {published && rbac.canIssue ? (
        <Box>
          <Divider />
          <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
            <Typography variant="sigma" tag="h3">
              {label('checklist.corrections', 'Corrections')}
            </Typography>
            <CorrectionTimeline corrections={corrections} />
            {carryOver.length > 0 ? (
              <Typography variant="omega" textColor="warning600">
                {label(
                  'corrections.carryOver.notice',
                  '{count, plural, one {# factual correction was} other {# factual corrections were}} issued on another language version and not carried into this one yet: issue a correction, then pick it under “Carries over”.',
                  { count: carryOver.length }
                )}
              </Typography>
            ) : null}
            {issueCorrection}
          </Flex>
        </Box>
      ) : null}
      <Link to={`/plugins/${PLUGIN_ID}`}>{label('checklist.desk', 'Open the desk')}</Link>
    </Flex>
  );
};

/**
 * The publish checklist beside a story's edit view: the editorial rules' verdict on the current
 * draft, decisions on its anonymous quotes, and its corrections once it is published.
 */
export const ChecklistPanel: PanelComponent = ({
  model,
  documentId,
  document,
}: PanelComponentProps) => {
  // Panels are rendered as components, so hooks run here; the CM hides a panel returning null.
  const { formatMessage } = useIntl();
  if (model !== STORY_UID || !documentId) {
    return null;
  }
  return {
    title: formatMessage({
      id: getTranslation('checklist.title'),
      defaultMessage: 'Sourcing checklist',
    }),
    content: <Checklist documentId={documentId} document={document as StoryDocument | undefined} />,
  };
};
