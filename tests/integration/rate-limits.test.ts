// Rate limits live in the database, so every app process counts into the same window.
import { deleteExpiredRateLimits, incrementRateLimit } from "~/models/rate-limit.server";
import { hitRateLimit, resetRateLimit } from "~/utils/rate-limit.server";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds } from "~/utils/sign-in-throttle.server";

describe("rate limits", () => {
  test("allow up to the limit in a window, then refuse with a retry time", async () => {
    const key = `test:${Math.random()}`;
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(key, { limit: 3, windowMs: 60_000 })).ok).toBe(true);
    const refused = await hitRateLimit(key, { limit: 3, windowMs: 60_000 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    await resetRateLimit(key);
    expect((await hitRateLimit(key, { limit: 3, windowMs: 60_000 })).ok).toBe(true);
  });

  test("keys are counted separately", async () => {
    const a = `a:${Math.random()}`;
    const b = `b:${Math.random()}`;
    await hitRateLimit(a, { limit: 1, windowMs: 60_000 });
    expect((await hitRateLimit(a, { limit: 1, windowMs: 60_000 })).ok).toBe(false);
    expect((await hitRateLimit(b, { limit: 1, windowMs: 60_000 })).ok).toBe(true);
  });

  test("a window that has run out starts again at one, and the clean-up deletes it", async () => {
    const key = `window:${Math.random()}`;
    const start = 1_000_000;
    expect(await incrementRateLimit({ key, windowMs: 1000, now: start })).toEqual({ count: 1, resetAt: start + 1000 });
    expect(await incrementRateLimit({ key, windowMs: 1000, now: start + 500 })).toEqual({ count: 2, resetAt: start + 1000 });
    expect(await incrementRateLimit({ key, windowMs: 1000, now: start + 1000 })).toEqual({ count: 1, resetAt: start + 2000 });
    expect(await deleteExpiredRateLimits(start + 2001)).toBeGreaterThanOrEqual(1);
  });

  test("concurrent hits are all counted (no lost updates)", async () => {
    const key = `concurrent:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, { limit: 10, windowMs: 60_000 })));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
  });
});

describe("sign-in throttle", () => {
  const attempt = () => ({ email: `someone-${Math.random()}@example.test`, clientKey: `client-${Math.random()}` });

  test("the first few failures bring no wait; then a wait, which a stranger's failures do not impose on another address beyond the email's own rule", async () => {
    const guesser = attempt();
    for (let i = 0; i < 4; i++) await recordSignInFailure(guesser);
    expect(await signInWaitSeconds(guesser)).toBe(0);
    await recordSignInFailure(guesser);
    expect(await signInWaitSeconds(guesser)).toBeGreaterThan(0);
    // The real person, at another address, is not held by the guesser's pair.
    const realPerson = { email: guesser.email, clientKey: `office-${Math.random()}` };
    expect(await signInWaitSeconds(realPerson)).toBe(0);
  });

  test("a successful sign-in clears its own pair's failures", async () => {
    const person = attempt();
    for (let i = 0; i < 6; i++) await recordSignInFailure(person);
    expect(await signInWaitSeconds(person)).toBeGreaterThan(0);
    await recordSignInSuccess(person);
    expect(await signInWaitSeconds(person)).toBe(0);
  });

  test("many failures for one email from many addresses slow every attempt for that email, briefly", async () => {
    const email = `target-${Math.random()}@example.test`;
    for (let i = 0; i < 11; i++) await recordSignInFailure({ email, clientKey: `botnet-${i}` });
    const wait = await signInWaitSeconds({ email, clientKey: "the-real-office" });
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(5 * 60);
  });
});
