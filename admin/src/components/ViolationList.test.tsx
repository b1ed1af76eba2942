/** @jest-environment jsdom */
import { useState } from 'react';
import { MemoryRouter } from 'react-router-dom';

import { violation } from '../../../server/src/rules/violation';
import { render, screen, waitFor } from '../../tests/render';
import { ViolationList } from './ViolationList';

/**
 * A repeatable as the Content Manager renders it: a Radix accordion whose collapsed entries render
 * no inputs until their trigger opens them.
 */
const Accordion = ({ name, entries }: { name: string; entries: string[] }) => {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div data-orientation="vertical">
      {entries.map((field, index) => (
        <div key={field} data-state={open === index ? 'open' : 'closed'}>
          <button
            type="button"
            aria-controls={`${name}-${index}`}
            aria-expanded={open === index}
            onClick={() => setOpen(open === index ? null : index)}
          >
            {`${name} entry ${index + 1}`}
          </button>
          {open === index ? (
            <input id={`${name}-${index}`} name={`${name}.${index}.${field}`} aria-label={field} />
          ) : null}
        </div>
      ))}
    </div>
  );
};

describe('ViolationList', () => {
  it("takes the editor to the Content Manager's input a violation names, by its label", async () => {
    const { user } = render(
      <>
        <input name="bylines.0.name" aria-label="Byline name" />
        <input name="anonymousQuotes.0.anonymityReason" aria-label="Why anonymous" />
        <ViolationList
          tone="danger"
          violations={[
            violation('R3', 'anonymousQuotes[0].anonymityReason', 'R3.no-reason'),
            violation('R8', 'bylines', 'R8.no-byline'),
          ]}
        />
      </>
    );
    await user.click(screen.getByRole('button', { name: 'Go to Quote 1 › Reason for anonymity' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Why anonymous'));
    // A rule about a component as a whole goes to its first input.
    await user.click(screen.getByRole('button', { name: 'Go to Bylines' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Byline name'));
    expect(screen.getByText('R3')).toBeTruthy();
    expect(
      screen.getByText(
        'A story with anonymous quotes needs a byline: a named reporter stands behind its sourcing.'
      )
    ).toBeTruthy();
  });

  it('opens a collapsed entry to reach its input, and leaves the other repeatables closed', async () => {
    const { user } = render(
      <>
        <Accordion name="citations" entries={['page', 'page']} />
        <Accordion name="anonymousQuotes" entries={['quote', 'attribution']} />
        <ViolationList
          tone="danger"
          violations={[violation('R4', 'anonymousQuotes[1].attribution', 'R4.missing')]}
        />
      </>
    );
    expect(screen.queryByLabelText('attribution')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to Quote 2 › Attribution' }));
    // The entry opens as the Content Manager re-renders, a few frames later.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('attribution')));
    // The citations' second entry was tried on the way, and closed again.
    expect(
      screen.getByRole('button', { name: 'citations entry 2' }).getAttribute('aria-expanded')
    ).toBe('false');
  });

  it('takes a standards editor from R6 to the quote’s approval', async () => {
    const { user } = render(
      <>
        <div id="approval-0" tabIndex={-1}>
          Approve quote 1
        </div>
        <ViolationList
          tone="danger"
          violations={[violation('R6', 'anonymousQuotes[0].approvalState', 'R6.voided')]}
          approvalElementId={(index) => `approval-${index}`}
        />
      </>
    );
    await user.click(screen.getByRole('button', { name: 'Open the approval' }));
    expect(document.activeElement?.id).toBe('approval-0');
  });

  it('speaks French: the message and the field by their French labels', () => {
    render(
      <ViolationList
        tone="danger"
        violations={[
          violation('R3', 'anonymousQuotes[0].anonymityReason', 'R3.stock-phrase', {
            phrase: 'on condition of anonymity',
          }),
          violation('R9', 'body', 'R9.changed', { fields: 'title, body' }),
        ]}
      />,
      { locale: 'fr' }
    );
    expect(
      screen.getByText(
        'Citation anonyme 1 : dites pourquoi l’anonymat a été accordé à la source ; « on condition of anonymity » ne l’explique pas à lui seul.'
      )
    ).toBeTruthy();
    expect(
      screen.getByText(/^Cet article a changé depuis sa dernière publication \(Titre, Corps\)/)
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Aller à Citation anonyme 1 › Raison de l’anonymat' })
    ).toBeTruthy();
  });

  it('away from the edit view, links to the story when the user may open it, and offers nothing otherwise', () => {
    const findings = [violation('R4', 'anonymousQuotes[0].attribution', 'R4.missing')];
    const { unmount } = render(
      <MemoryRouter>
        <ViolationList tone="danger" violations={findings} editViewPath="/content-manager/x/1" />
      </MemoryRouter>
    );
    expect(
      screen
        .getByRole('link', { name: 'Fix Quote 1 › Attribution in the story' })
        .getAttribute('href')
    ).toBe('/content-manager/x/1');
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    render(
      <MemoryRouter>
        <ViolationList tone="danger" violations={findings} editViewPath={null} />
      </MemoryRouter>
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a house rule’s finding as the app wrote it', () => {
    render(
      <ViolationList
        tone="warning"
        violations={[{ code: 'LEAK-HASH', path: 'sourceDocuments', message: 'Record the hash.' }]}
      />
    );
    expect(screen.getByText('Record the hash.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to Source documents' })).toBeTruthy();
  });
});
