/** @jest-environment jsdom */
import { QUEUE_STATES } from '../../../shared/contracts/desk';
import en from '../translations/en.json';
import fr from '../translations/fr.json';
import { render, screen } from '../../tests/render';
import { AwaitingBadge, AwaitingHint } from './AwaitingReason';

describe('AwaitingReason', () => {
  it('says who approved a quote that no longer counts, and what must happen', () => {
    render(
      <>
        <AwaitingBadge reason="approver-lost-permission" />
        <AwaitingHint reason="approver-lost-permission" decidedBy="Dana Scully" />
      </>
    );
    expect(screen.getByText('Approver can no longer approve')).toBeTruthy();
    expect(
      screen.getByText(
        'Approved by Dana Scully, who can no longer approve quotes: a standards editor must approve it again.'
      )
    ).toBeTruthy();
  });

  it('names no one when the approver is not known (the checklist, a deleted account)', () => {
    render(<AwaitingHint reason="approver-lost-permission" />, { locale: 'fr' });
    expect(
      screen.getByText(
        'Validée par quelqu’un, qui ne peut plus valider de citations : un responsable de la déontologie doit la valider à nouveau.'
      )
    ).toBeTruthy();
  });

  it('has a label and a hint in English and French for every reason the server gives', () => {
    for (const messages of [en, fr] as Array<Record<string, string>>) {
      for (const reason of QUEUE_STATES) {
        expect(messages[`queue.state.${reason}`]).toBeTruthy();
        expect(messages[`queue.hint.${reason}`]).toBeTruthy();
      }
    }
  });
});
