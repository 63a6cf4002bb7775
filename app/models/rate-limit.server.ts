// Fixed-window counters kept in the database, so every app process behind a load balancer counts
// into the same window. Keys are hashes (see app/utils/rate-limit.server.ts): no address or email
// is ever written down.
import { eq, lt, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";

const { rateLimits } = schema;

/** Adds one to the key's window (starting a new one if it has run out) and returns the count so far. */
export async function incrementRateLimit({ key, windowMs, now = Date.now() }: { key: string; windowMs: number; now?: number }) {
  const resetAt = now + windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now} then ${resetAt} else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  return { count: Number(row!.count), resetAt: Number(row!.resetAt) };
}

/** The key's live window, if any, without counting. */
export async function peekRateLimit({ key, now = Date.now() }: { key: string; now?: number }) {
  const [row] = await db.select({ count: rateLimits.count, resetAt: rateLimits.resetAt }).from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || Number(row.resetAt) <= now) return undefined;
  return { count: Number(row.count), resetAt: Number(row.resetAt) };
}

/** Holds the key until `until` (a cool-down): later holds replace earlier ones. */
export async function holdRateLimit({ key, until }: { key: string; until: number }) {
  await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: until })
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: 1, resetAt: until } });
}

export async function deleteRateLimit({ key }: { key: string }) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Clears windows that have run out (the hourly clean-up job). */
export async function deleteExpiredRateLimits(now = Date.now()) {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.resetAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
