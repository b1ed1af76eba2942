import {
  correctionsRequestQuery,
  dateToDay,
  dayToDate,
  hasCorrectionFilters,
  readCorrectionFilters,
} from './correction-filters';

describe('the corrections filters in the URL', () => {
  it('reads what the URL holds and leaves out what the list cannot take', () => {
    expect(
      readCorrectionFilters({ q: 'odni', kind: 'retraction', from: '2021-03-01', to: '2021-03-31' })
    ).toEqual({ q: 'odni', kind: 'retraction', from: '2021-03-01', to: '2021-03-31' });
    expect(readCorrectionFilters({ kind: 'erratum', from: '2021-02-30', to: 'soon' })).toEqual({
      q: '',
      kind: undefined,
      from: undefined,
      to: undefined,
    });
    expect(hasCorrectionFilters(readCorrectionFilters({}))).toBe(false);
    expect(hasCorrectionFilters(readCorrectionFilters({ kind: 'update' }))).toBe(true);
  });

  it("turns the editor's days into calendar days and back", () => {
    const date = dayToDate('2021-03-16')!;
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([
      2021, 2, 16, 0,
    ]);
    expect(dateToDay(date)).toBe('2021-03-16');
    expect(dateToDay(new Date(2021, 0, 5, 23, 59))).toBe('2021-01-05');
  });

  it("asks the server for the whole of the editor's days, as instants", () => {
    const query = correctionsRequestQuery({
      q: '  election ',
      kind: 'update',
      from: '2021-03-16',
      to: '2021-03-16',
    });
    expect(query).toEqual({
      q: 'election',
      kind: 'update',
      issuedFrom: new Date(2021, 2, 16).toISOString(),
      issuedTo: new Date(2021, 2, 16, 23, 59, 59, 999).toISOString(),
    });
    expect(correctionsRequestQuery({ q: '' })).toEqual({});
  });
});
