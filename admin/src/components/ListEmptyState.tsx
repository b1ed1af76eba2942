import { Button, EmptyStateLayout } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';

type Props = {
  /** What is missing and what to do about it, in one or two sentences. */
  message: string;
  /** A way out, such as clearing the filters that emptied the list. */
  action?: { label: string; onClick: () => void };
};

/** The one empty state of the plugin's lists, as Strapi's own list views show theirs. */
export const ListEmptyState = ({ message, action }: Props) => (
  <EmptyStateLayout
    icon={<EmptyDocuments width="16rem" />}
    content={message}
    hasRadius
    shadow="tableShadow"
    action={
      action ? (
        <Button variant="secondary" onClick={action.onClick}>
          {action.label}
        </Button>
      ) : undefined
    }
  />
);
