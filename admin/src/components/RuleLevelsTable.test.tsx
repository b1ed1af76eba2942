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

  it('speaks French with the French translations', () => {
    render(<RuleLevelsTable levels={LEVELS} />, { locale: 'fr' });
    expect(within(rowOf('R11')).getByText('Désactivée')).toBeTruthy();
    expect(within(rowOf('R1')).getByText('Bloque la publication')).toBeTruthy();
  });
});
