// Rate limits shared by every app process: the windows live in the database (app/models/rate-limit.server.ts).
// What is limited (an address, an email) is keyed by an HMAC, so nothing about the person is written
// down in a form that can be read back; the rows themselves are cleared once their window ends.
import { createHmac } from "node:crypto";
import path from "node:path";
import { deleteRateLimit, holdRateLimit, incrementRateLimit, peekRateLimit } from "~/models/rate-limit.server";
import { getEnv } from "./env.server";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

let hmacKey: string | undefined;
function keyFor(key: string) {
  // Every process sharing a database must derive the same key: HEARD_SECRET when set, else the
  // database's own address (which the database does not store).
  const env = getEnv();
  hmacKey ??= env.HEARD_SECRET ?? `heard-rate-limit:${env.DATABASE_URL ?? path.resolve(env.DATABASE_PATH)}`;
  return createHmac("sha256", hmacKey).update(key).digest("base64url").slice(0, 32);
}

/** Counts one hit against `key` and says whether it is still within `limit` per `windowMs`. */
export async function hitRateLimit(key: string, { limit, windowMs }: { limit: number; windowMs: number }): Promise<RateLimitResult> {
  const now = Date.now();
  const { count, resetAt } = await incrementRateLimit({ key: keyFor(key), windowMs, now });
  if (count > limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
  return { ok: true };
}

/** How many hits `key` has in its current window (0 when none), without counting one. */
export async function rateLimitCount(key: string): Promise<number> {
  return (await peekRateLimit({ key: keyFor(key) }))?.count ?? 0;
}

export async function resetRateLimit(key: string) {
  await deleteRateLimit({ key: keyFor(key) });
}

/** Seconds until `key`'s hold (see holdFor) ends; 0 when it is not held. */
export async function heldForSeconds(key: string): Promise<number> {
  const now = Date.now();
  const window = await peekRateLimit({ key: keyFor(key), now });
  return window ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
}

/** Holds `key` for `ms` from now (a cool-down). */
export async function holdFor(key: string, ms: number) {
  await holdRateLimit({ key: keyFor(key), until: Date.now() + ms });
}
