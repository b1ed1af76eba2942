/**
 * Totals that read every matching row, kept per filter and counted again only when `state` (read
 * from the database at each request, so every instance behind a load balancer agrees) says the
 * rows may have changed. Bounded: the filter left unused longest is dropped first.
 */
export const keptTotals = (maxKept = 100) => {
  const totals = new Map<string, { state: string; total: number }>();
  return async (filterKey: string, state: string, count: () => Promise<number>) => {
    const kept = totals.get(filterKey);
    const total = kept?.state === state ? kept.total : await count();
    totals.delete(filterKey);
    totals.set(filterKey, { state, total });
    if (totals.size > maxKept) {
      // Maps iterate in insertion order: the first key is the one left unused longest.
      totals.delete(totals.keys().next().value!);
    }
    return total;
  };
};
