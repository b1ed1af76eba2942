import type { DeclareNonSubstantive } from '../../../shared/contracts/stories';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { ReasonForm } from './ReasonForm';

type Props = {
  storyDocumentId: string;
  /** The story revision the editor is looking at: a declaration is refused if it changed since. */
  revision: string | null;
  onDeclared(): void;
};

/**
 * R9's other way out: the change since the last publish needs no correction (a typo, a shortened
 * headline), said with a reason that the story's change log keeps. It covers this draft only.
 */
export const DeclareNonSubstantiveForm = ({ storyDocumentId, revision, onDeclared }: Props) => {
  const label = usePluginLabel();
  const body: Omit<DeclareNonSubstantive.Request['body'], 'reason'> = { revision };
  return (
    <ReasonForm
      name={`declare-${storyDocumentId}`}
      path={`/intelligence-stories/stories/${storyDocumentId}/non-substantive-change`}
      body={body}
      label={label('declare.reason', 'Reason the change is not substantive')}
      hint={label(
        'declare.hint',
        'At least 10 characters: why readers need no correction for this change (a typo, a shortened headline). Kept in the change log; it covers this draft only.'
      )}
      submit={label('declare.submit', 'Declare non-substantive')}
      done={label(
        'declare.done',
        'Declared not substantive: the next publish goes out without a correction.'
      )}
      variant="secondary"
      onDone={onDeclared}
    />
  );
};
