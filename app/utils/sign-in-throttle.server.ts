import { coolDownMs, FAILURE_WINDOW_MS, SIGN_IN_RULES } from "./sign-in-throttle";
import { heldForSeconds, hitRateLimit, holdFor, rateLimitCount, resetRateLimit } from "./rate-limit.server";

type Attempt = { email: string; clientKey: string };

function keys({ email, clientKey }: Attempt) {
  const normalised = email.trim().toLowerCase();
  return {
    pair: `sign-in:${normalised}:${clientKey}`,
    email: `sign-in:${normalised}`,
    client: `sign-in-client:${clientKey}`,
  } as const;
}

/** Seconds the attempt must wait because of recent failures (0: go ahead). */
export async function signInWaitSeconds(attempt: Attempt): Promise<number> {
  const held = await Promise.all(Object.values(keys(attempt)).map((key) => heldForSeconds(`hold:${key}`)));
  return Math.max(0, ...held);
}

/** Counts a failed attempt against the pair, the email and the address, and sets their cool-downs. */
export async function recordSignInFailure(attempt: Attempt) {
  for (const [rule, key] of Object.entries(keys(attempt)) as [keyof typeof SIGN_IN_RULES, string][]) {
    await hitRateLimit(`fail:${key}`, { limit: Number.MAX_SAFE_INTEGER, windowMs: FAILURE_WINDOW_MS });
    const wait = coolDownMs(await rateLimitCount(`fail:${key}`), SIGN_IN_RULES[rule]);
    if (wait > 0) await holdFor(`hold:${key}`, wait);
  }
}

/** A successful sign-in clears its own pair's failures (not the email's: a guesser elsewhere keeps theirs). */
export async function recordSignInSuccess(attempt: Attempt) {
  const { pair } = keys(attempt);
  await resetRateLimit(`fail:${pair}`);
  await resetRateLimit(`hold:${pair}`);
}
