/** @jest-environment jsdom */
import { useState } from 'react';

import { render, screen } from '../../tests/render';
import { readCorrectionFilters, type CorrectionFilterQuery } from '../utils/correction-filters';
import { CorrectionFilterBar } from './CorrectionFilterBar';

/**
 * The bar in a page's place: it keeps the query the way the corrections page keeps its URL's (the
 * page merges each patch into the URL), and shows it as the address bar would.
 */
const Harness = ({ initial = {} }: { initial?: CorrectionFilterQuery }) => {
  const [query, setQuery] = useState<CorrectionFilterQuery>(initial);
  const search = new URLSearchParams(
    Object.entries(query).filter(([, value]) => value) as Array<[string, string]>
  ).toString();
  return (
    <>
      <CorrectionFilterBar
        filters={readCorrectionFilters(query)}
        onChange={(patch) => setQuery((current) => ({ ...current, ...patch }))}
      />
      <output data-testid="url">{search}</output>
    </>
  );
};

const url = () => screen.getByTestId('url').textContent;

describe('CorrectionFilterBar', () => {
  it('puts the kind and the search in the URL, back on the first page', async () => {
    const { user } = render(<Harness initial={{ page: '3' }} />);
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(screen.getByRole('option', { name: 'Retraction' }));
    expect(url()).toBe('page=1&kind=retraction');

    await user.type(
      screen.getByRole('searchbox', { name: 'Search story titles and correction texts' }),
      'odni'
    );
    expect(url()).toBe('page=1&kind=retraction&q=odni');
  });

  it('shows the filters a URL holds, and clears one', async () => {
    const { user } = render(
      <Harness initial={{ q: 'budget', kind: 'update', from: '2021-03-16' }} />
    );
    expect(
      (
        screen.getByRole('searchbox', {
          name: 'Search story titles and correction texts',
        }) as HTMLInputElement
      ).value
    ).toBe('budget');
    expect(screen.getByRole('combobox', { name: 'Kind' }).textContent).toContain('Update');
    expect((screen.getByRole('combobox', { name: 'Issued from' }) as HTMLInputElement).value).toBe(
      '03/16/2021'
    );
    await user.click(screen.getAllByRole('button', { name: 'Clear' })[0]);
    expect(url()).toBe('kind=update&from=2021-03-16&page=1');
  });

  it('speaks French', () => {
    render(<Harness />, { locale: 'fr' });
    expect(screen.getByRole('combobox', { name: 'Type' })).toBeTruthy();
    expect(screen.getByText('Publiée à partir du')).toBeTruthy();
  });
});
