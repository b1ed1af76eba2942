import { validateYupSchema } from '@strapi/utils';

import { deskCorrectionsQuerySchema, issuedWindow } from './desk-corrections-query';

const validate = (query: Record<string, unknown>) =>
  validateYupSchema(deskCorrectionsQuerySchema)(query);

describe('the desk corrections query', () => {
  it('reads a date as a whole UTC day and a date-time as an instant, both ends included', () => {
    expect(issuedWindow({ issuedFrom: '2021-03-16', issuedTo: '2021-03-16' })).toEqual({
      from: new Date('2021-03-16T00:00:00.000Z'),
      before: new Date('2021-03-17T00:00:00.000Z'),
    });
    expect(
      issuedWindow({ issuedFrom: '2021-03-16T09:00:00+01:00', issuedTo: '2021-03-16T10:00:00Z' })
    ).toEqual({
      from: new Date('2021-03-16T08:00:00.000Z'),
      before: new Date('2021-03-16T10:00:00.001Z'),
    });
    expect(issuedWindow({})).toEqual({ from: undefined, before: undefined });
  });

  it('takes the filters and pages the panel sends', async () => {
    const query = {
      q: 'election',
      kind: 'retraction',
      issuedFrom: '2021-03-16T00:00:00.000+01:00',
      issuedTo: '2021-03-31',
      pagination: { page: '2', pageSize: '10' },
    };
    await expect(validate(query)).resolves.toEqual(query);
  });

  it.each([
    [{ kind: 'erratum' }, 'kind must be one of'],
    [{ issuedFrom: '16/03/2021' }, 'issuedFrom must be a date'],
    [{ issuedTo: '2021-02-30' }, 'issuedTo must be a date'],
    [
      { issuedFrom: '2021-03-17', issuedTo: '2021-03-16' },
      'issuedTo must not be before issuedFrom',
    ],
    [{ sort: 'issuedAt' }, 'unsupported query parameter(s): sort'],
  ])('refuses %j, naming the parameter', async (query, message) => {
    await expect(validate(query)).rejects.toThrow(message);
  });
});
