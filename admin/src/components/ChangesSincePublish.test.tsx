/** @jest-environment jsdom */
import { render, screen } from '../../tests/render';
import { ChangesSincePublish } from './ChangesSincePublish';

describe('ChangesSincePublish', () => {
  it('shows each changed field under its label, the removed words struck and the added marked', () => {
    const unchanged =
      'Russian President Vladimir Putin has likely led efforts, a report released Tuesday ';
    const { container } = render(
      <ChangesSincePublish
        changes={[
          { field: 'dek', before: 'A short dek.', after: 'A shorter dek.' },
          {
            field: 'body',
            before: `${unchanged.repeat(3)}shows.`,
            after: `${unchanged.repeat(3)}found.`,
          },
        ]}
      />
    );
    expect(screen.getByText('Dek')).toBeTruthy();
    expect(screen.getByText('Body')).toBeTruthy();
    const removed = [...container.querySelectorAll('del')].map((node) => node.textContent);
    const added = [...container.querySelectorAll('ins')].map((node) => node.textContent);
    expect(removed).toEqual(['short', 'shows']);
    expect(added).toEqual(['shorter', 'found']);
    // A long unchanged stretch before the change is cut to the words next to it.
    const body = container.querySelectorAll('li')[1].textContent!;
    expect(body.length).toBeLessThan(unchanged.length * 2);
    expect(body).toContain('…');
    expect(body).toContain('released Tuesday');
  });
});
