import { getFetchClient } from '@strapi/strapi/admin';

import type { GetApprovalQueueCount } from '../../../shared/contracts/desk';

// How often the menu's badge asks again, and how fresh a count must be to be reused: Strapi's
// main menu re-creates its links' elements on every render, so a remount must not mean a request.
const POLL_MS = 60_000;
const FRESH_MS = 15_000;

let count: number | null = null;
let fetchedAt = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

/**
 * Asks the server again how many quotes await the signed-in standards editor's decision (four
 * eyes subtracted). The queue calls it after each decision, so the badge follows at once.
 */
export const refreshApprovalCount = async () => {
  try {
    const { data } = await getFetchClient().get<GetApprovalQueueCount.Response>(
      '/intelligence-stories/desk/approvals/count'
    );
    count = data.data.mayDecide;
  } catch {
    // A badge is a hint: a failed request leaves the last count (or none) rather than an error.
  }
  fetchedAt = Date.now();
  listeners.forEach((listener) => listener());
};

/** A subscription for useSyncExternalStore: polls while at least one badge is on screen. */
export const subscribeToApprovalCount = (listener: () => void) => {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => void refreshApprovalCount(), POLL_MS);
  }
  if (Date.now() - fetchedAt > FRESH_MS) {
    void refreshApprovalCount();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
};

export const approvalCount = () => count;
