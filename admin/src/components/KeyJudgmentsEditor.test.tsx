/** @jest-environment jsdom */
import { useState } from 'react';

import { render, screen, within } from '../../tests/render';
import type { LibraryKeyJudgment } from '../utils/api';
import { KeyJudgmentsEditor } from './KeyJudgmentsEditor';

const JUDGMENT: LibraryKeyJudgment = {
  text: 'Russia sought to undermine public faith in the US democratic process.',
  page: 1,
  confidence: 'high',
  likelihood: null,
  minorityView: null,
};

/** The editor is controlled: this keeps its value as a page would and reports every change. */
const Harness = ({
  initial,
  onChange,
  errors,
}: {
  initial: LibraryKeyJudgment[];
  onChange: jest.Mock;
  errors?: Record<string, string>;
}) => {
  const [value, setValue] = useState(initial);
  return (
    <KeyJudgmentsEditor
      value={value}
      errors={errors}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
};

const lastValue = (onChange: jest.Mock) =>
  onChange.mock.calls[onChange.mock.calls.length - 1][0] as LibraryKeyJudgment[];

describe('KeyJudgmentsEditor', () => {
  it('adds a judgment with the confidence and ICD 203 likelihood picked from the scales', async () => {
    const onChange = jest.fn();
    const { user } = render(<Harness initial={[]} onChange={onChange} />);
    expect(screen.getByText('No key judgments recorded.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add a key judgment' }));
    const row = screen.getByRole('group', { name: 'Key judgment 1' });
    await user.type(within(row).getByLabelText(/Judgment 1/), 'Moscow will apply lessons learned.');
    await user.type(within(row).getByLabelText('Page'), '4');

    await user.click(within(row).getByRole('combobox', { name: /Confidence/ }));
    await user.click(screen.getByRole('option', { name: 'Low confidence' }));
    await user.click(within(row).getByRole('combobox', { name: /Likelihood/ }));
    // Every ICD 203 term is offered with its probability band, lowest first.
    const terms = screen.getAllByRole('option').map((option) => option.textContent);
    expect(terms).toEqual([
      'Almost no chance (remote) · 1–5%',
      'Very unlikely (highly improbable) · 5–20%',
      'Unlikely (improbable) · 20–45%',
      'Roughly even chance (roughly even odds) · 45–55%',
      'Likely (probable) · 55–80%',
      'Very likely (highly probable) · 80–95%',
      'Almost certain (nearly certain) · 95–99%',
    ]);
    await user.click(
      screen.getByRole('option', { name: 'Very likely (highly probable) · 80–95%' })
    );

    expect(lastValue(onChange)).toEqual([
      {
        text: 'Moscow will apply lessons learned.',
        page: 4,
        confidence: 'low',
        likelihood: 'very_likely',
        minorityView: null,
      },
    ]);
  });

  it('removes the judgment whose button was pressed and keeps the others as they were', async () => {
    const onChange = jest.fn();
    const second = { ...JUDGMENT, text: 'Putin ordered an influence campaign.', page: 2 };
    const { user } = render(<Harness initial={[JUDGMENT, second]} onChange={onChange} />);

    await user.click(screen.getByRole('button', { name: 'Remove judgment 1' }));

    expect(lastValue(onChange)).toEqual([second]);
    expect(screen.queryByRole('group', { name: 'Key judgment 2' })).toBeNull();
    expect(screen.getByDisplayValue('Putin ordered an influence campaign.')).toBeTruthy();
  });

  it('shows an error beside the field it names', () => {
    render(
      <Harness
        initial={[JUDGMENT]}
        onChange={jest.fn()}
        errors={{ 'keyJudgments.0.page': 'The document has pages 1 to 25' }}
      />
    );
    const row = screen.getByRole('group', { name: 'Key judgment 1' });
    expect(within(row).getByText('The document has pages 1 to 25')).toBeTruthy();
    expect(within(row).getByLabelText('Page').getAttribute('aria-invalid')).toBe('true');
  });

  it('speaks French with the French translations', () => {
    render(<Harness initial={[JUDGMENT]} onChange={jest.fn()} />, { locale: 'fr' });
    expect(screen.getByRole('button', { name: 'Ajouter un jugement clé' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /Confiance/ }).textContent).toContain(
      'Confiance élevée'
    );
  });
});
