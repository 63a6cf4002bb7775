import { coolDownMs, SIGN_IN_RULES } from "~/utils/sign-in-throttle";

test("no wait for the first failures, then doubling waits up to the cap", () => {
  const rule = SIGN_IN_RULES.pair;
  expect(coolDownMs(rule.freeFailures - 1, rule)).toBe(0);
  expect(coolDownMs(rule.freeFailures, rule)).toBe(1000);
  expect(coolDownMs(rule.freeFailures + 1, rule)).toBe(2000);
  expect(coolDownMs(rule.freeFailures + 3, rule)).toBe(8000);
  expect(coolDownMs(rule.freeFailures + 40, rule)).toBe(rule.capMs);
});

test("an address shared by a whole office tolerates many more failures than one person's pair", () => {
  expect(SIGN_IN_RULES.client.freeFailures).toBeGreaterThan(SIGN_IN_RULES.email.freeFailures);
  expect(SIGN_IN_RULES.email.freeFailures).toBeGreaterThan(SIGN_IN_RULES.pair.freeFailures);
  // The per-email rule only delays the real person; it never holds them for long.
  expect(SIGN_IN_RULES.email.capMs).toBeLessThanOrEqual(5 * 60 * 1000);
});
