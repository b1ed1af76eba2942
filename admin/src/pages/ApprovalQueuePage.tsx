import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

import { AwaitingBadge, AwaitingHint } from '../components/AwaitingReason';
import { ListEmptyState } from '../components/ListEmptyState';
import { ListPagination, usePageParams } from '../components/ListPagination';
import { QuoteContext } from '../components/approval-queue/QuoteContext';
import { QuoteDecision } from '../components/QuoteDecision';
import { StoryLink } from '../components/StoryLink';
import { usePaginatedList } from '../hooks/usePaginatedList';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { storyEditPath, type QueueItem } from '../utils/api';

/** The standards desk's queue: every quote no valid approval covers, with what it needs to decide. */
export const ApprovalQueuePage = () => {
  // The page lives in the URL, as in Strapi's own lists.
  const { page, pageSize } = usePageParams();
  const { result, error, reload } = usePaginatedList<QueueItem>(
    '/intelligence-stories/desk/approvals',
    { pagination: { page, pageSize } }
  );
  const items = result?.data ?? null;
  const label = usePluginLabel();

  if (error) {
    return <Page.Error />;
  }

  return (
    <Page.Main>
      <Page.Title>{label('nav.approvals', 'Approval queue')}</Page.Title>
      <Layouts.Header
        title={label('nav.approvals', 'Approval queue')}
        subtitle={label(
          'queue.subtitle',
          'Anonymous quotes awaiting a standards editor. A quote edited after its approval, or approved by someone who can no longer approve, comes back here.'
        )}
      />
      <Layouts.Content>
        {result === null || items === null ? (
          <Page.Loading />
        ) : items.length === 0 && result.meta.pagination.total === 0 ? (
          <ListEmptyState
            message={label(
              'queue.empty',
              "Nothing awaits a decision. Quotes appear here when a story's anonymous quote is new or has changed since its approval."
            )}
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {items.map((item) => (
              <Box
                key={`${item.story.documentId}-${item.story.locale ?? ''}-${item.quoteIndex}`}
                tag="article"
                aria-label={label('queue.item', '{title}, quote {number}', {
                  title: item.story.title,
                  number: item.quoteIndex + 1,
                })}
                background="neutral0"
                hasRadius
                shadow="tableShadow"
                padding={6}
              >
                <Flex justifyContent="space-between" paddingBottom={3}>
                  <StoryLink
                    documentId={item.story.documentId}
                    locale={item.story.locale}
                    title={item.story.title}
                    canOpen={item.story.canOpen}
                  />
                  <AwaitingBadge reason={item.state} />
                </Flex>
                {item.state !== 'pending' ? (
                  <Box paddingBottom={3}>
                    <AwaitingHint reason={item.state} decidedBy={item.decidedBy} />
                  </Box>
                ) : null}
                <Grid.Root gap={4}>
                  <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
                    <Typography variant="beta" tag="blockquote">
                      “{item.quote}”
                    </Typography>
                    <Typography variant="omega" textColor="neutral700">
                      — {item.attribution}
                    </Typography>
                    <Box paddingTop={3}>
                      <Typography variant="sigma">
                        {label('queue.reason', 'Why anonymous')}
                      </Typography>
                      <Typography tag="p">{item.anonymityReason}</Typography>
                    </Box>
                    <Box paddingTop={2}>
                      <Typography variant="sigma">
                        {label('queue.howKnows', 'How the source knows')}
                      </Typography>
                      <Typography tag="p">{item.howSourceKnows ?? '—'}</Typography>
                    </Box>
                    <Box paddingTop={2}>
                      <Typography variant="sigma">{label('queue.source', 'Source')}</Typography>
                      <Typography tag="p">
                        {item.source
                          ? label('queue.sourceKnownBy', '{alias}, known to {editors}', {
                              alias: item.source.alias,
                              editors: item.source.editorsWhoKnow.join(', ') || '—',
                            })
                          : label('queue.noSource', 'No confidential source linked')}
                      </Typography>
                    </Box>
                    {item.comment ? (
                      <Box paddingTop={2}>
                        <Typography variant="sigma">
                          {label('queue.lastComment', 'Last comment')}
                        </Typography>
                        <Typography tag="p">{item.comment}</Typography>
                      </Box>
                    ) : null}
                    <QuoteContext
                      documentId={item.story.documentId}
                      locale={item.story.locale}
                      quoteIndex={item.quoteIndex}
                      version={item.story.revision}
                      editViewPath={
                        item.story.canOpen === false
                          ? null
                          : storyEditPath(item.story.documentId, item.story.locale)
                      }
                    />
                  </Grid.Item>
                  <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                    <QuoteDecision
                      storyDocumentId={item.story.documentId}
                      locale={item.story.locale}
                      quoteIndex={item.quoteIndex}
                      revision={item.story.revision}
                      decision={item.decision}
                      onDecided={reload}
                    />
                  </Grid.Item>
                </Grid.Root>
              </Box>
            ))}
            <ListPagination meta={result.meta} />
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
