/** @jest-environment jsdom */
import type { RuleLevels } from '../../../shared/contracts/settings';
import { render, screen, within } from '../../tests/render';
import { RuleLevelsTable } from './RuleLevelsTable';

const LEVELS = {
  R1: 'error',
  R2: 'error',
  R3: 'error',
  R4: 'error',
  R5: 'error',
  R6: 'error',
  R7: 'error',
  R8: 'error',
  R9: 'error',
  R10: 'warning',
  R11: 'off',
} satisfies RuleLevels;

const rowOf = (code: string) =>
  screen.getAllByRole('row').find((row) => within(row).queryByText(code, { exact: true }))!;

describe('RuleLevelsTable', () => {
  it('lists every rule with what it asks and the level it is set to', () => {
    render(<RuleLevelsTable levels={LEVELS} />);
    // A header row and one row per rule.
    expect(screen.getAllByRole('row')).toHaveLength(12);
    expect(within(rowOf('R6')).getByText('Blocks publishing')).toBeTruthy();
    expect(
      within(rowOf('R6')).getByText('A standards editor approved the exact current quote')
    ).toBeTruthy();
    expect(within(rowOf('R10')).getByText('Warns only')).toBeTruthy();
    expect(within(rowOf('R11')).getByText('Off')).toBeTruthy();
  });

  it('lists the house rules after R1–R11, in the panel language, with who may override each', () => {
    const meta = {
      houseRules: [
        {
          code: 'LEAK-HASH',
          title: { en: 'Hash on file', fr: 'Empreinte enregistrée' },
          description: { en: 'Leaks need a hash.', fr: 'Une fuite exige une empreinte.' },
          fields: ['sourceDocuments'],
        },
      ],
      overrides: { 'LEAK-HASH': 'plugin::intelligence-stories.rules.override' },
    };
    const { unmount } = render(
      <RuleLevelsTable levels={{ ...LEVELS, 'LEAK-HASH': 'warning' }} meta={meta} />
    );
    expect(screen.getAllByRole('row')).toHaveLength(13);
    const row = rowOf('LEAK-HASH');
    expect(within(row).getByText('Hash on file: Leaks need a hash.')).toBeTruthy();
    expect(within(row).getByText('Warns only')).toBeTruthy();
    expect(within(row).getByText('plugin::intelligence-stories.rules.override')).toBeTruthy();
    expect(within(rowOf('R6')).getByText('No one')).toBeTruthy();
    unmount();

    render(<RuleLevelsTable levels={{ ...LEVELS, 'LEAK-HASH': 'warning' }} meta={meta} />, {
      locale: 'fr',
    });
    expect(
      within(rowOf('LEAK-HASH')).getByText('Empreinte enregistrée: Une fuite exige une empreinte.')
    ).toBeTruthy();
  });

  it('speaks French with the French translations', () => {
    render(<RuleLevelsTable levels={LEVELS} />, { locale: 'fr' });
    expect(within(rowOf('R11')).getByText('Désactivée')).toBeTruthy();
    expect(within(rowOf('R1')).getByText('Bloque la publication')).toBeTruthy();
  });
});
