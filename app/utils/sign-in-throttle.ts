// How long someone must wait before the next sign-in attempt, from how many have failed recently.
// Only failures count, so a successful sign-in is never held up by them, and the wait grows
// (1 s, 2 s, 4 s, …) up to a cap rather than locking anyone out for a fixed time.

export type ThrottleRule = { freeFailures: number; capMs: number };

export const SIGN_IN_RULES = {
  // One email from one address: the person at their own keyboard, or a guesser there.
  pair: { freeFailures: 5, capMs: 15 * 60 * 1000 },
  // One email from anywhere: slows a guesser spread over many addresses, but only delays the real person.
  email: { freeFailures: 10, capMs: 5 * 60 * 1000 },
  // One address for any email: a whole council office can share one, so it takes many failures.
  client: { freeFailures: 30, capMs: 15 * 60 * 1000 },
} as const satisfies Record<string, ThrottleRule>;

/** The cool-down after the n-th recent failure: none for the first few, then doubling to the cap. */
export function coolDownMs(failures: number, { freeFailures, capMs }: ThrottleRule): number {
  if (failures < freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - freeFailures), capMs);
}

// Failures are remembered for an hour after the last window started.
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
