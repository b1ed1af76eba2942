/** @jest-environment jsdom */
import { render, screen } from '../../tests/render';
import { ViolationList } from './ViolationList';

describe('ViolationList', () => {
  it("takes the editor to the Content Manager's input a violation names", async () => {
    const { user } = render(
      <>
        <input name="bylines.0.name" aria-label="Byline name" />
        <input name="anonymousQuotes.0.anonymityReason" aria-label="Why anonymous" />
        <ViolationList
          tone="danger"
          violations={[
            { code: 'R3', path: 'anonymousQuotes[0].anonymityReason', message: 'Say why.' },
            { code: 'R8', path: 'bylines', message: 'A story needs a byline.' },
          ]}
        />
      </>
    );
    const [reason, byline] = screen.getAllByRole('button', { name: 'Go to the field' });
    await user.click(reason);
    expect(document.activeElement).toBe(screen.getByLabelText('Why anonymous'));
    // A rule about a component as a whole goes to its first input.
    await user.click(byline);
    expect(document.activeElement).toBe(screen.getByLabelText('Byline name'));
    expect(screen.getByText('R3')).toBeTruthy();
    expect(screen.getByText('A story needs a byline.')).toBeTruthy();
  });
});
