import type { OverrideRule } from '../../../shared/contracts/stories';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { ReasonForm } from './ReasonForm';

type Props = {
  storyDocumentId: string;
  rule: string;
  /** The story revision the editor is looking at: an override is refused if it changed since. */
  revision: string | null;
  onOverridden(): void;
};

/**
 * Overrides a blocking rule for the next publish of this draft, with a reason (at least 20
 * characters) kept in the story's change log. The server checks the permission the app's config
 * names for the rule, and answers 403 to an editor without it.
 */
export const RuleOverrideForm = ({ storyDocumentId, rule, revision, onOverridden }: Props) => {
  const label = usePluginLabel();
  const body: Omit<OverrideRule.Request['body'], 'reason'> = { revision, rule };
  return (
    <ReasonForm
      name={`override-${storyDocumentId}-${rule}`}
      path={`/intelligence-stories/stories/${storyDocumentId}/rule-overrides`}
      body={body}
      label={label('override.reason', 'Reason to override {rule}', { rule })}
      hint={label(
        'override.hint',
        'At least 20 characters: why this story may be published although the rule blocks it. Kept in the change log; used up by the next publish.'
      )}
      submit={label('override.submit', 'Override {rule} for one publish', { rule })}
      done={label('override.done', '{rule} overridden for the next publish', { rule })}
      variant="danger-light"
      onDone={onOverridden}
    />
  );
};
