import {
  CORRECTION_KINDS,
  type CorrectionKind,
  type DeskCorrectionsQuery,
} from '../../../shared/contracts/corrections';

/**
 * The corrections page's filters as its URL keeps them (`?q=…&kind=…&from=2021-03-01&to=…`), so a
 * link or a reload shows the same list. Dates are the editor's own calendar days; the request
 * sends them as instants (the start of `from`, the end of `to`), which the server takes as is.
 */
export type CorrectionFilters = {
  q: string;
  kind?: CorrectionKind;
  from?: string;
  to?: string;
};

/** The URL's keys, each a string; `page` goes back to 1 whenever a filter changes. */
export type CorrectionFilterQuery = {
  q?: string;
  kind?: string;
  from?: string;
  to?: string;
  page?: string;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day, `YYYY-MM-DD`, as a Date at the start of that day where the editor is. */
export const dayToDate = (day: string | undefined): Date | undefined => {
  const match = day ? DAY.exec(day) : null;
  if (!match) {
    return undefined;
  }
  const [year, month, date] = match.slice(1).map(Number);
  const local = new Date(year, month - 1, date);
  // 2021-02-30 would roll over to March: a day that does not exist is no filter.
  return local.getMonth() === month - 1 && local.getDate() === date ? local : undefined;
};

/** The editor's calendar day of a Date, `YYYY-MM-DD`. */
export const dateToDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');

/**
 * The filters a URL asks for. A hand-edited value the list cannot take (an unknown kind, a day
 * that does not exist) is left out rather than turned into an error page.
 */
export const readCorrectionFilters = (query: CorrectionFilterQuery): CorrectionFilters => ({
  q: query.q ?? '',
  kind: CORRECTION_KINDS.find((kind) => kind === query.kind),
  from: dayToDate(query.from) ? query.from : undefined,
  to: dayToDate(query.to) ? query.to : undefined,
});

export const hasCorrectionFilters = ({ q, kind, from, to }: CorrectionFilters) =>
  Boolean(q || kind || from || to);

/** The query of `GET /desk/corrections` for these filters. */
export const correctionsRequestQuery = ({
  q,
  kind,
  from,
  to,
}: CorrectionFilters): DeskCorrectionsQuery => {
  const start = dayToDate(from);
  const end = dayToDate(to);
  if (end) {
    // The last instant of the day, where the editor is.
    end.setHours(23, 59, 59, 999);
  }
  return {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(start ? { issuedFrom: start.toISOString() } : {}),
    ...(end ? { issuedTo: end.toISOString() } : {}),
  };
};
